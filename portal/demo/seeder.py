"""Build the demo site for the default locale: section pages, images, documents and N items of each kind.

Item ``i`` of a kind is planned from ``random.Random(f"{seed}:{kind}:{i}")`` plus "cycles" of taxonomy
values (each value once per shuffled round), so the first N items are the same whatever the total, every
vocabulary value appears as soon as there are enough items, and a larger N only appends. Items are
numbered in their slugs (``resource-00042-...``); existing numbers are skipped, which makes the command
idempotent. Dates are relative to the day the command runs.
"""

import datetime
import io
import random
import re
import time
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from courses.models import CourseIndexPage, CourseModule, CoursePage
from home.models import HomePage, HomePageFeaturedItem, StandardPage
from news.models import NewsIndexPage, NewsPage
from portal.demo import text
from portal.demo.bulk import BulkPageWriter
from portal.demo.documents import document_files
from portal.demo.images import DEFAULT_COUNT, image_description, image_plan, image_title, render_image
from portal.models import Audience, EducationalLevel, ResourceType, Topic
from portal.taxonomy import CourseFormat, Licence
from resources.models import ResourceIndexPage, ResourcePage, ResourcePageAttachment

COLLECTION_NAME = "Demo content"
SLUG_PREFIXES = {"resource": "resource", "news": "news", "course": "course"}
FEATURED_POOL = 12  # featured items are picked among the first items of each kind, so they stay stable
MAX_FEATURED = 6


class Cycle:
    """An endless sequence of ``values`` in shuffled rounds: each value appears once per round."""

    def __init__(self, seed, name, values):
        self.seed, self.name, self.values = seed, name, list(values)
        self._rounds = {}

    def __getitem__(self, position):
        number, offset = divmod(position, len(self.values))
        if number not in self._rounds:
            values = list(self.values)
            random.Random(f"{self.seed}:{self.name}:{number}").shuffle(values)
            self._rounds[number] = values
        return self._rounds[number][offset]


class Picker:
    """Takes ``k`` distinct values at a time from a cycle, continuing where the last item stopped."""

    def __init__(self, cycle):
        self.cycle, self.cursor = cycle, 0

    def take(self, count):
        picked = []
        while len(picked) < count:
            value = self.cycle[self.cursor]
            self.cursor += 1
            if value not in picked:
                picked.append(value)
        return picked


@dataclass
class ItemPlan:
    number: int
    slug: str
    title: str
    levels: list
    topics: list
    extra: dict = field(default_factory=dict)


def numbered_slug(prefix, number, title, width=5):
    base = slugify(title)[:70].rstrip("-")
    if len(slugify(title)) > 70 and "-" in base:
        base = base.rsplit("-", 1)[0]
    return f"{prefix}-{number:0{width}d}-{base}"


def aware(day, rng):
    """A working-hours moment on ``day`` in the current time zone."""
    moment = datetime.datetime.combine(day, datetime.time(rng.randint(8, 17), rng.randint(0, 59)))
    return timezone.make_aware(moment)


class DemoSeeder:
    def __init__(self, seed=1, *, batch_size=1000, log=None, progress_factory=None, after_batch=None):
        self.seed = seed
        self.batch_size = batch_size
        self.log = log or (lambda message: None)
        self.progress_factory = progress_factory
        self.after_batch = after_batch
        self.now = timezone.now()
        self.today = timezone.localdate(self.now)
        self.stats = {}

    @staticmethod
    def has_demo_content():
        return (
            NewsPage.objects.exists()
            or ResourcePage.objects.exists()
            or CoursePage.objects.exists()
            or Collection.objects.filter(name=COLLECTION_NAME).exists()
        )

    # --- entry point ---
    def run(self, resources=60, news=30, courses=12):
        started = time.monotonic()
        locale = Locale.get_default()
        self.home = HomePage.objects.filter(depth=2, locale=locale).first()
        if self.home is None:
            raise RuntimeError(f"No {locale.language_code} home page: run `manage.py migrate` first.")
        self.vocabulary = {
            "levels": list(EducationalLevel.objects.order_by("sort_order", "code")),
            "topics": list(Topic.objects.order_by("sort_order", "code")),
            "types": list(ResourceType.objects.order_by("sort_order", "code")),
            "audiences": list(Audience.objects.order_by("sort_order", "code")),
        }
        with transaction.atomic():
            self.collection = self._ensure_collection()
            self.images = self._ensure_images()
            self.documents = self._ensure_documents()
            pages_rng = random.Random(f"{self.seed}:pages")
            self.news_index = self._ensure_index(NewsIndexPage, "News", "news", pages_rng)
            self.resource_index = self._ensure_index(ResourceIndexPage, "Resources", "resources", pages_rng)
            self.course_index = self._ensure_index(CourseIndexPage, "Courses", "courses", pages_rng)
            self.about = self._ensure_about(pages_rng)
        self._timed("images+documents+sections", started)

        plans = {
            "resource": self._plan_resources(resources),
            "news": self._plan_news(news),
            "course": self._plan_courses(courses),
        }
        self._write_items("resource", self.resource_index, plans["resource"], self._build_resource)
        self._write_items("news", self.news_index, plans["news"], self._build_news)
        self._write_items("course", self.course_index, plans["course"], self._build_course)
        with transaction.atomic():
            self._update_home(plans)
        self.stats["total_seconds"] = round(time.monotonic() - started, 2)
        return self.stats

    def _timed(self, name, started):
        self.stats[f"{name}_seconds"] = round(time.monotonic() - started, 2)

    # --- media ---
    def _ensure_collection(self):
        existing = Collection.objects.filter(name=COLLECTION_NAME).first()
        return existing or Collection.get_first_root_node().add_child(name=COLLECTION_NAME)

    def _ensure_images(self):
        Image = get_image_model()
        existing = {}
        for image in Image.objects.filter(collection=self.collection, title__startswith="Demo illustration "):
            match = re.match(r"Demo illustration (\d+):", image.title)
            if match:
                existing.setdefault(int(match.group(1)), image)
        images, created = [], 0
        for number, palette, style in image_plan(self.seed, DEFAULT_COUNT):
            image = existing.get(number)
            if image is None:
                data = render_image(self.seed, number, palette[0], style)
                image = Image(
                    title=image_title(number, palette),
                    description=image_description(palette, style),
                    collection=self.collection,
                    file=ImageFile(io.BytesIO(data), name=f"demo-illustration-{number:02d}.jpg"),
                )
                image._set_image_file_metadata()
                image.save()
                created += 1
            images.append(image)
        self.stats["images_created"] = created
        self.log(f"Images: {len(images)} ({created} new)")
        return images

    def _ensure_documents(self):
        Document = get_document_model()
        existing = {doc.title: doc for doc in Document.objects.filter(collection=self.collection)}
        documents, created = [], 0
        for filename, title, data in document_files():
            document = existing.get(title)
            if document is None:
                document = Document(title=title, collection=self.collection, file=ContentFile(data, name=filename))
                document.file_size = len(data)
                document._set_file_hash()
                document.save()
                created += 1
            documents.append(document)
        self.stats["documents_created"] = created
        self.log(f"Documents: {len(documents)} ({created} new)")
        return documents

    # --- section pages ---
    def _publish_child(self, page):
        self.home.add_child(instance=page)
        page.save_revision().publish()
        self.home.refresh_from_db()
        return page

    def _ensure_index(self, model, title, slug, rng):
        translation_key = text.uuid_from(rng)  # drawn even when the page exists, to keep the sequence stable
        existing = model.objects.child_of(self.home).first()
        if existing:
            return existing
        page = model(
            title=title,
            slug=slug,
            intro=text.INDEX_INTROS[slug],
            show_in_menus=True,
            locale=self.home.locale,
            translation_key=translation_key,
        )
        self.log(f"Created the {title} section")
        return self._publish_child(page)

    def _ensure_about(self, rng):
        translation_key = text.uuid_from(rng)
        existing = StandardPage.objects.child_of(self.home).filter(slug="about").first()
        if existing:
            return existing
        images, documents = self.images, self.documents
        body = [
            text.paragraph_block(
                rng,
                "<p>The European School Education Portal brings together <b>news</b>, <b>teaching resources</b> "
                "and <b>professional development courses</b> for everyone working in school education, from "
                "early childhood education and care to initial vocational education and training.</p>",
            ),
            text.heading_block(rng, "Who we are"),
            text.paragraph_block(
                rng,
                "<p>The portal is run by a small editorial team with a network of national contacts. Teachers, "
                "school leaders, researchers and policymakers contribute content in many European languages.</p>",
            ),
            text.image_block(rng, images[0], caption="Illustration from the portal's visual identity"),
            text.quote_block(rng, {"city": "Brussels"}),
            text.heading_block(rng, "What you will find here"),
            text.table_block(
                rng,
                "The sections of the portal",
                [
                    ["Section", "What it offers", "Updated"],
                    ["News", "Stories from schools, projects and policy", "Weekly"],
                    ["Resources", "Teaching materials, toolkits, research and policy documents", "Daily"],
                    ["Courses", "Online and on-site professional development", "Monthly"],
                ],
            ),
            text.cta_block(
                rng,
                "Browse the resources",
                "Thousands of resources, free to use and adapt in your classroom.",
                "Find resources",
                page_id=self.resource_index.pk,
            ),
            text.heading_block(rng, "Documents for contributors", level="h3"),
            text.document_list_block(rng, "Templates and guidance", [doc.pk for doc in documents[:4]]),
            text.accordion_block(
                rng,
                "Frequently asked questions",
                [
                    ("Who can contribute?", "<p>Anyone working in or with schools in Europe.</p>"),
                    ("Is the content free?", "<p>Yes. Each resource states its licence.</p>"),
                    ("Which languages are supported?", "<p>All official EU languages, and more to come.</p>"),
                ],
            ),
        ]
        page = StandardPage(
            title="About the portal",
            slug="about",
            intro="Who runs the portal, what you will find here and how to take part.",
            body=body,
            show_in_menus=True,
            locale=self.home.locale,
            translation_key=translation_key,
        )
        self.log("Created the About page")
        return self._publish_child(page)

    # --- plans (cheap, computed for every number so taxonomy cycles stay aligned) ---
    def _levels(self, cycle_levels, position, rng):
        """1-3 adjacent levels that always include the cycled one."""
        codes = [level.code for level in self.vocabulary["levels"]]
        count = rng.choice([1, 1, 2, 2, 3])
        index = codes.index(cycle_levels[position])
        low = max(0, min(index, len(codes) - count))
        return codes[low : low + count]

    def _common_cycles(self, kind):
        return (
            Cycle(self.seed, f"{kind}:levels", [level.code for level in self.vocabulary["levels"]]),
            Picker(Cycle(self.seed, f"{kind}:topics", [topic.code for topic in self.vocabulary["topics"]])),
        )

    def _plan_resources(self, count):
        levels_cycle, topics = self._common_cycles("resource")
        types = Cycle(self.seed, "resource:types", [t.code for t in self.vocabulary["types"]])
        licences = Cycle(self.seed, "resource:licences", Licence.values)
        audiences = Picker(Cycle(self.seed, "resource:audiences", [a.code for a in self.vocabulary["audiences"]]))
        plans = []
        for i in range(count):
            rng = random.Random(f"{self.seed}:resource:{i}")
            level_codes = self._levels(levels_cycle, i, rng)
            topic_codes = topics.take(rng.choice([1, 2, 2, 3, 3, 4]))
            audience_codes = audiences.take(rng.choice([1, 1, 2, 3]))
            ctx = text.make_context(rng, topic_codes, level_codes, audience_codes, today=self.today)
            type_code = types[i]
            title = text.resource_title(rng, type_code, ctx)
            slug = numbered_slug("resource", i + 1, title)
            publication_date = self.today - datetime.timedelta(days=rng.randint(0, 5 * 365))
            plans.append(
                ItemPlan(
                    number=i + 1,
                    slug=slug,
                    title=title,
                    levels=level_codes,
                    topics=topic_codes,
                    extra={
                        "ctx": ctx,
                        "type": type_code,
                        "audiences": audience_codes,
                        "licence": licences[i],
                        "date": publication_date,
                        "external": rng.random() < 0.3,
                        "attachments": rng.random() < 0.4,
                    },
                )
            )
        return plans

    def _plan_news(self, count):
        levels_cycle, topics = self._common_cycles("news")
        plans = []
        for i in range(count):
            rng = random.Random(f"{self.seed}:news:{i}")
            level_codes = self._levels(levels_cycle, i, rng)
            topic_codes = topics.take(rng.choice([1, 2, 2, 3, 4]))
            ctx = text.make_context(rng, topic_codes, level_codes, today=self.today)
            title = text.news_title(rng, ctx)
            day = self.today - datetime.timedelta(days=rng.randint(0, 548))
            plans.append(
                ItemPlan(i + 1, numbered_slug("news", i + 1, title), title, level_codes, topic_codes,
                         {"ctx": ctx, "date": day})
            )  # fmt: skip
        return plans

    def _plan_courses(self, count):
        levels_cycle, topics = self._common_cycles("course")
        formats = Cycle(self.seed, "course:formats", CourseFormat.values)
        audiences = Cycle(self.seed, "course:audiences", [a.code for a in self.vocabulary["audiences"]])
        plans = []
        for i in range(count):
            rng = random.Random(f"{self.seed}:course:{i}")
            level_codes = self._levels(levels_cycle, i, rng)
            topic_codes = topics.take(rng.choice([1, 2, 2, 3]))
            course_format = formats[i]
            weeks, days = rng.randint(3, 8), rng.randint(2, 6)
            ctx = text.make_context(
                rng, topic_codes, level_codes, [audiences[i]], today=self.today, weeks=weeks, days=days
            )
            title = text.course_title(rng, course_format, ctx)
            extra = {"ctx": ctx, "format": course_format, "certificate": rng.random() < 0.6}
            if course_format == CourseFormat.SELF_PACED:
                extra.update(start=None, end=None, deadline=None, workload=rng.randint(3, 25))
                extra["published"] = self.today - datetime.timedelta(days=rng.randint(0, 700))
            else:
                # Rounds of three alternate between upcoming and past, so both exist from six courses on.
                upcoming = (i // 3) % 2 == 0
                offset = rng.randint(7, 240) if upcoming else -rng.randint(7, 400)
                start = self.today + datetime.timedelta(days=offset)
                if course_format == CourseFormat.ON_SITE:
                    end = start + datetime.timedelta(days=days - 1)
                    deadline = start - datetime.timedelta(days=rng.randint(14, 60))
                    workload = days * 7
                else:
                    end = start + datetime.timedelta(days=weeks * 7 - 3)
                    deadline = start - datetime.timedelta(days=rng.randint(3, 21))
                    workload = weeks * rng.randint(2, 5)
                published = min(self.today, deadline - datetime.timedelta(days=rng.randint(30, 120)))
                extra.update(start=start, end=end, deadline=deadline, workload=workload, published=published)
            plans.append(ItemPlan(i + 1, numbered_slug("course", i + 1, title), title, level_codes, topic_codes, extra))
        return plans

    # --- building page instances (only for numbers not yet in the database) ---
    def _page_rng(self, kind, plan):
        """A second generator per item for what only the page needs (plans stay small)."""
        return random.Random(f"{self.seed}:{kind}:{plan.number - 1}:page")

    def _by_code(self, name, codes):
        lookup = {term.code: term for term in self.vocabulary[name]}
        return [lookup[code] for code in codes]

    def _published_at(self, day, rng):
        return min(aware(day, rng), self.now)

    def _classify(self, page, plan):
        page.levels.set(self._by_code("levels", plan.levels))
        page.topics.set(self._by_code("topics", plan.topics))

    def _main_image(self, rng):
        return self.images[rng.randrange(len(self.images))] if rng.random() < 0.9 else None

    def _body_image(self, rng, main_image):
        if rng.random() >= 0.3:
            return None
        others = [image for image in self.images if image != main_image]
        return rng.choice(others)

    def _build_resource(self, plan):
        rng, ctx, x = self._page_rng("resource", plan), plan.extra["ctx"], plan.extra
        main_image = self._main_image(rng)
        external_url = f"https://resources.example.org/{plan.slug}" if x["external"] else ""
        page = ResourcePage(
            title=plan.title,
            slug=plan.slug,
            summary=text.resource_summary(rng, x["type"], ctx),
            main_image=main_image,
            body=text.resource_body(rng, x["type"], ctx, self._body_image(rng, main_image), external_url),
            resource_type=self._by_code("types", [x["type"]])[0],
            licence=x["licence"],
            publication_date=x["date"],
            external_url=external_url,
            translation_key=text.uuid_from(rng),
            first_published_at=self._published_at(x["date"] + datetime.timedelta(days=rng.randint(0, 14)), rng),
        )
        self._classify(page, plan)
        page.audiences.set(self._by_code("audiences", x["audiences"]))
        if x["attachments"]:
            documents = rng.sample(self.documents, rng.randint(1, 3))
            page.attachments = [
                ResourcePageAttachment(document=doc, title="" if rng.random() < 0.6 else f"{doc.title} ({ctx['year']})")
                for doc in documents
            ]
        return page

    def _build_news(self, plan):
        rng, ctx, x = self._page_rng("news", plan), plan.extra["ctx"], plan.extra
        main_image = self._main_image(rng)
        author = text.person_name(rng) if rng.random() < 0.7 else rng.choice(text.EDITORIAL_AUTHORS)
        page = NewsPage(
            title=plan.title,
            slug=plan.slug,
            date=x["date"],
            author_name=author,
            summary=text.news_summary(rng, ctx),
            main_image=main_image,
            body=text.news_body(rng, ctx, self._body_image(rng, main_image)),
            translation_key=text.uuid_from(rng),
            first_published_at=self._published_at(x["date"], rng),
        )
        self._classify(page, plan)
        return page

    def _build_course(self, plan):
        rng, ctx, x = self._page_rng("course", plan), plan.extra["ctx"], plan.extra
        main_image = self._main_image(rng)
        facts = [
            ["Format", CourseFormat(x["format"]).label],
            ["Workload", f"{x['workload']} hours"],
            ["Certificate", "Yes" if x["certificate"] else "No"],
        ]
        if x["start"]:
            facts.append(["Dates", f"{x['start']:%d %B %Y} to {x['end']:%d %B %Y}"])
        page = CoursePage(
            title=plan.title,
            slug=plan.slug,
            summary=text.course_summary(rng, ctx),
            main_image=main_image,
            body=text.course_body(rng, ctx, [[str(a), str(b)] for a, b in facts], self._body_image(rng, main_image)),
            format=x["format"],
            start_date=x["start"],
            end_date=x["end"],
            enrolment_deadline=x["deadline"],
            workload_hours=x["workload"],
            certificate=x["certificate"],
            translation_key=text.uuid_from(rng),
            first_published_at=self._published_at(x["published"], rng),
        )
        self._classify(page, plan)
        page.modules = [
            CourseModule(title=title, summary=summary, body=body)
            for title, summary, body in text.module_texts(rng, ctx, rng.randint(3, 6))
        ]
        return page

    def _existing_numbers(self, kind, index):
        pattern = re.compile(rf"^{SLUG_PREFIXES[kind]}-(\d+)-")
        slugs = Page.objects.child_of(index).values_list("slug", flat=True)
        return {int(match.group(1)) for slug in slugs if (match := pattern.match(slug))}

    def _write_items(self, kind, index, plans, build):
        started = time.monotonic()
        existing = self._existing_numbers(kind, index)
        missing = [plan for plan in plans if plan.number not in existing]
        progress = self.progress_factory(kind, len(missing)) if self.progress_factory and missing else None
        writer = BulkPageWriter(index, batch_size=self.batch_size, after_batch=self.after_batch)
        written = writer.write((build(plan) for plan in missing), progress=progress.update if progress else None)
        if progress:
            progress.close()
        self.stats[f"{kind}_created"] = written
        self.stats[f"{kind}_existing"] = len(existing)
        self._timed(kind, started)
        self.log(f"{kind.capitalize()} pages: {written} new, {len(existing)} already there")

    # --- home page ---
    def _update_home(self, plans):
        rng = random.Random(f"{self.seed}:home")
        hero_heading = rng.choice(text.HERO_HEADINGS)
        hero_intro = rng.choice(text.HERO_INTROS)
        hero_image = self.images[rng.randrange(len(self.images))]
        featured = self._featured_pages(plans, rng)
        home = self.home.specific
        current = [item.page_id for item in home.featured_items.all()]
        wanted = {
            "title": "Welcome to the European School Education Portal",
            "draft_title": "Welcome to the European School Education Portal",
            "hero_heading": hero_heading,
            "hero_intro": hero_intro,
            "hero_image_id": hero_image.pk,
        }
        if all(getattr(home, name) == value for name, value in wanted.items()) and current == [
            page.pk for page in featured
        ]:
            return
        for name, value in wanted.items():
            setattr(home, name, value)
        home.featured_items = [HomePageFeaturedItem(page=page) for page in featured]
        home.save_revision().publish()
        self.log(f"Updated the home page ({len(featured)} featured items)")

    def _featured_pages(self, plans, rng):
        """Two recent news items, two resources and up to two upcoming courses among the first items."""

        def pages(model, index, kind):
            slugs = [plan.slug for plan in plans[kind][:FEATURED_POOL]]
            found = {page.slug: page for page in model.objects.child_of(index).filter(slug__in=slugs)}
            return [found[slug] for slug in slugs if slug in found]

        news = sorted(pages(NewsPage, self.news_index, "news"), key=lambda page: (page.date, page.slug), reverse=True)
        resources = pages(ResourcePage, self.resource_index, "resource")
        courses = [
            page
            for page in pages(CoursePage, self.course_index, "course")
            if page.start_date is None or page.start_date >= self.today
        ]
        picked = news[:2] + rng.sample(resources, min(2, len(resources))) + rng.sample(courses, min(2, len(courses)))
        return picked[:MAX_FEATURED]
