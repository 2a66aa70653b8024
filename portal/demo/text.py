"""Curated English phrase banks and composers for believable school-education content.

Titles, summaries and StreamField bodies are composed from the banks below with a caller-supplied
``random.Random``, so the same generator state always yields the same text. The banks are large
enough (topic subjects x templates x levels x places x qualifiers) for 20,000 titles to stay varied
and mostly unique; slugs add a running number, so they are always unique.
"""

import html
import uuid

# --- Subjects: noun phrases per topic code, usable after "on", "for", "to" and as a title start. ---
TOPIC_SUBJECTS = {
    "assessment": [
        "formative assessment",
        "peer and self-assessment",
        "feedback that moves learning forward",
        "assessment rubrics",
        "digital portfolios",
    ],
    "arts": ["drama in the classroom", "music and movement", "visual arts projects", "creative writing"],
    "blended-learning": ["blended learning", "flipped classrooms", "hybrid lessons", "station rotation models"],
    "career-guidance": [
        "career guidance",
        "career conversations with pupils",
        "job shadowing for students",
        "career learning in the curriculum",
    ],
    "citizenship": [
        "citizenship education",
        "pupil participation in school councils",
        "a democratic school culture",
        "debate and deliberation",
    ],
    "classroom-management": [
        "classroom routines",
        "calm and focused classrooms",
        "restorative classroom practice",
        "positive behaviour support",
    ],
    "communication-skills": ["oral communication skills", "active listening", "public speaking", "collaborative talk"],
    "cultural-diversity": [
        "cultural diversity",
        "intercultural dialogue",
        "multilingual classrooms",
        "diversity in children's books",
    ],
    "cultural-heritage": ["cultural heritage", "local history projects", "museum partnerships", "intangible heritage"],
    "digital-competence": [
        "digital competence",
        "the DigComp framework",
        "computational thinking",
        "digital citizenship",
    ],
    "digital-tools": [
        "digital tools for collaboration",
        "tablets in the classroom",
        "open educational software",
        "virtual learning environments",
    ],
    "disadvantaged-learners": [
        "learners from disadvantaged backgrounds",
        "tackling educational poverty",
        "equity in rural schools",
        "closing attainment gaps",
    ],
    "distance-learning": [
        "distance learning",
        "emergency remote teaching",
        "learning continuity plans",
        "online tutoring",
    ],
    "early-school-leaving": [
        "early school leaving",
        "early warning systems",
        "re-engaging disengaged students",
        "second-chance education",
    ],
    "entrepreneurship": [
        "entrepreneurship education",
        "student mini-companies",
        "social entrepreneurship",
        "design thinking",
    ],
    "inclusion": ["inclusion", "inclusive school communities", "universal design for learning", "belonging at school"],
    "inclusive-teaching": [
        "inclusive teaching",
        "differentiated instruction",
        "co-teaching",
        "accessible learning materials",
    ],
    "language-learning": [
        "language learning",
        "content and language integrated learning",
        "home languages in the classroom",
        "early foreign language learning",
        "plurilingual education",
    ],
    "learning-space": [
        "learning spaces",
        "outdoor classrooms",
        "flexible classroom design",
        "school libraries as learning hubs",
    ],
    "learning-to-learn": ["learning to learn", "metacognition", "study skills", "self-regulated learning"],
    "media-literacy": [
        "media literacy",
        "fact-checking and disinformation",
        "critical reading of online news",
        "news literacy",
    ],
    "migrant-students": [
        "newly arrived migrant students",
        "welcome classes",
        "language support for migrant pupils",
        "the inclusion of migrant families",
    ],
    "online-learning": [
        "online learning",
        "open online courses for teachers",
        "online collaboration between schools",
        "virtual exchanges",
    ],
    "parents": ["parental engagement", "school-family partnerships", "communicating with parents"],
    "pedagogy": [
        "inquiry-based learning",
        "project-based learning",
        "play-based pedagogy",
        "cooperative learning",
        "active learning",
    ],
    "policy-development": [
        "education policy development",
        "evidence-informed policy",
        "school autonomy",
        "curriculum reform",
    ],
    "professional-development": [
        "teacher professional development",
        "peer observation",
        "teacher learning communities",
        "mentoring new teachers",
        "action research",
    ],
    "quality-assurance": [
        "quality assurance",
        "school self-evaluation",
        "external school evaluation",
        "quality frameworks",
    ],
    "refugee-education": [
        "refugee education",
        "trauma-informed teaching",
        "education for displaced children",
    ],
    "school-data": ["school data", "learning analytics", "data-informed school improvement"],
    "school-leadership": [
        "school leadership",
        "distributed leadership",
        "leading school change",
        "instructional leadership",
    ],
    "school-partnerships": [
        "school partnerships",
        "eTwinning projects",
        "school networks",
        "cross-border school collaboration",
    ],
    "social-skills": ["social and emotional learning", "teamwork skills", "conflict resolution", "empathy"],
    "special-needs-education": [
        "special needs education",
        "supporting pupils with dyslexia",
        "autism-friendly classrooms",
        "individual education plans",
    ],
    "stakeholder-involvement": [
        "stakeholder involvement",
        "community partnerships",
        "student voice",
        "working with local employers",
    ],
    "stem": [
        "STEM education",
        "outdoor mathematics",
        "hands-on science experiments",
        "coding and robotics",
        "girls in STEM",
    ],
    "support-to-learners": [
        "learner support",
        "tutoring programmes",
        "school counselling",
        "transitions between school levels",
    ],
    "sustainability": [
        "education for sustainability",
        "climate education",
        "school gardens",
        "green school projects",
        "biodiversity",
    ],
    "teacher-careers": [
        "teacher careers",
        "attracting new teachers",
        "teacher induction",
        "career paths for school leaders",
    ],
    "teacher-mobility": [
        "teacher mobility",
        "job shadowing abroad",
        "teaching abroad",
        "structured courses abroad",
    ],
    "teaching": ["effective teaching", "questioning techniques", "explicit instruction", "lesson study"],
    "well-being": [
        "well-being at school",
        "mental health in schools",
        "teacher well-being",
        "anti-bullying approaches",
        "mindfulness",
    ],
    "whole-school-approach": [
        "whole-school approaches",
        "school culture",
        "school improvement planning",
        "a whole-school approach to well-being",
    ],
}

LEVEL_PHRASES = {
    "ecec": ["in early childhood education", "in kindergartens", "for the youngest learners", "in preschool settings"],
    "primary": ["in primary schools", "for primary pupils", "in the primary classroom"],
    "lower-secondary": ["in lower secondary schools", "for pupils aged 12 to 15", "in the lower secondary classroom"],
    "upper-secondary": ["in upper secondary schools", "for upper secondary students", "for students aged 15 to 18"],
    "ivet": ["in vocational education and training", "for VET learners", "in initial VET", "in vocational schools"],
}
LEVEL_SHORT = {
    "ecec": "early childhood",
    "primary": "primary",
    "lower-secondary": "lower secondary",
    "upper-secondary": "upper secondary",
    "ivet": "VET",
}

AUDIENCE_PHRASES = {
    "school-staff": "teachers",
    "school-leaders": "school leaders",
    "researchers": "researchers",
    "policymakers": "policymakers",
    "ecec-staff": "early childhood educators",
    "vet-trainers": "VET teachers and trainers",
    "parents": "parents",
}

# (country, adjective, cities)
PLACES = [
    ("Austria", "Austrian", ["Vienna", "Graz", "Linz"]),
    ("Belgium", "Belgian", ["Ghent", "Liège", "Leuven"]),
    ("Bulgaria", "Bulgarian", ["Plovdiv", "Sofia", "Varna"]),
    ("Croatia", "Croatian", ["Zagreb", "Split", "Rijeka"]),
    ("Cyprus", "Cypriot", ["Nicosia", "Limassol"]),
    ("Czechia", "Czech", ["Brno", "Prague", "Olomouc"]),
    ("Denmark", "Danish", ["Aarhus", "Odense", "Copenhagen"]),
    ("Estonia", "Estonian", ["Tartu", "Tallinn"]),
    ("Finland", "Finnish", ["Tampere", "Oulu", "Helsinki"]),
    ("France", "French", ["Lyon", "Nantes", "Lille"]),
    ("Germany", "German", ["Leipzig", "Freiburg", "Hamburg"]),
    ("Greece", "Greek", ["Thessaloniki", "Patras", "Heraklion"]),
    ("Hungary", "Hungarian", ["Debrecen", "Pécs", "Szeged"]),
    ("Ireland", "Irish", ["Galway", "Cork", "Limerick"]),
    ("Italy", "Italian", ["Bologna", "Turin", "Palermo"]),
    ("Latvia", "Latvian", ["Riga", "Liepāja"]),
    ("Lithuania", "Lithuanian", ["Vilnius", "Kaunas"]),
    ("Luxembourg", "Luxembourgish", ["Esch-sur-Alzette"]),
    ("Malta", "Maltese", ["Valletta"]),
    ("the Netherlands", "Dutch", ["Utrecht", "Groningen", "Eindhoven"]),
    ("Poland", "Polish", ["Kraków", "Gdańsk", "Wrocław"]),
    ("Portugal", "Portuguese", ["Porto", "Braga", "Coimbra"]),
    ("Romania", "Romanian", ["Cluj-Napoca", "Iași", "Timișoara"]),
    ("Slovakia", "Slovak", ["Košice", "Bratislava"]),
    ("Slovenia", "Slovenian", ["Ljubljana", "Maribor"]),
    ("Spain", "Spanish", ["Valencia", "Bilbao", "Seville"]),
    ("Sweden", "Swedish", ["Malmö", "Uppsala", "Umeå"]),
    ("Iceland", "Icelandic", ["Reykjavík", "Akureyri"]),
    ("Norway", "Norwegian", ["Bergen", "Trondheim"]),
    ("North Macedonia", "North Macedonian", ["Skopje", "Bitola"]),
    ("Serbia", "Serbian", ["Novi Sad", "Niš"]),
    ("Türkiye", "Turkish", ["Izmir", "Bursa"]),
]

FIRST_NAMES = [
    "Anna", "Lukas", "Sofia", "Mateo", "Eva", "Jakub", "Laura", "Tomás", "Ingrid", "Matteo", "Elena",
    "Nikolaos", "Aino", "Pierre", "Zsófia", "Mārtiņš", "Ieva", "Joana", "Andrei", "Katarina", "Liam",
    "Chiara", "Jonas", "Marta", "Emil", "Petra", "Daniel", "Maria", "Oskar", "Nina", "Ana", "Karin",
]  # fmt: skip
SURNAMES = [
    "Novak", "Schmidt", "Rossi", "García", "Nielsen", "Kowalski", "Papadopoulou", "Virtanen", "Dubois",
    "Horváth", "Bērziņš", "Kazlauskienė", "Silva", "Popescu", "Janssens", "Murphy", "Lindqvist", "Bianchi",
    "Fernández", "Kovač", "Tamm", "Müller", "Jensen", "Costa", "Dimitrova", "Mayer", "Borg", "Hansen",
]  # fmt: skip
ROLES = [
    "primary teacher", "head teacher", "mathematics teacher", "kindergarten teacher", "VET trainer",
    "school counsellor", "deputy head", "language teacher", "science teacher", "teacher educator",
    "special needs coordinator", "school librarian",
]  # fmt: skip
EDITORIAL_AUTHORS = ["Editorial team", "Portal editorial team", "Newsroom"]

ADJECTIVES = ["practical", "hands-on", "low-cost", "inclusive", "step-by-step", "ready-to-use", "classroom-tested"]
QUALIFIERS = [
    "a practical guide",
    "ideas for the classroom",
    "lessons from {m} countries",
    "what works and why",
    "experiences from {country}",
    "a case study from {city}",
    "{year} edition",
    "questions and answers",
    "first steps",
    "a guide for {audience}",
    "tips from {country_adj} schools",
]

# --- Titles per resource type. Placeholders are filled from ``_context``. ---
RESOURCE_TITLES = {
    "teaching-material": [
        "{Subject}: lesson plans {level}",
        "Classroom activities on {subject} {level}",
        "{n} ready-to-use lessons on {subject}",
        "Worksheets for {subject} {level}",
        "A {adj} unit on {subject}",
    ],
    "publication": [
        "{Subject} {level}: a European overview",
        "Making {subject} work {level}",
        "Rethinking {subject} {level}",
        "{Subject} and {subject2}",
        "A handbook on {subject} {for_audience}",
    ],
    "practice": [
        "How a school in {city} approaches {subject}",
        "{Subject} in practice at {a_country_adj} school",
        "{A_country_adj} school's journey with {subject}",
        "Bringing {subject} {level}: a school in {city}",
        "Linking {subject} and {subject2} in {city}",
    ],
    "tutorial": [
        "Getting started with {subject} {level}",
        "A step-by-step guide to {subject}",
        "How to plan for {subject} {level}",
        "Tutorial: {subject} {for_audience}",
        "Five steps to {subject} {level}",
    ],
    "toolkit": [
        "{Subject} toolkit {for_audience}",
        "A toolkit for {subject} {level}",
        "The {adj} {subject} toolkit",
        "Toolkit: {subject} and {subject2}",
    ],
    "policy-document": [
        "Policy guidelines on {subject} {level}",
        "National strategies for {subject} {level}: a comparison",
        "Recommendations on {subject} {level}",
        "{Country_adj} policy framework for {subject}",
        "Policy brief: {subject} {level}",
    ],
    "research-report": [
        "{Subject} {level}: findings from a {m}-country study",
        "What research says about {subject} {level}",
        "Evaluating {subject} {level}",
        "{Subject} and {subject2}: a review of the evidence",
        "Research report on {subject} in {country}",
    ],
    "video": [
        "Video: {subject} {level}",
        "Watch: teachers in {city} share ideas on {subject}",
        "Inside a classroom in {city}: {subject}",
        "Video series on {subject} {for_audience}",
    ],
}

NEWS_TITLES = [
    "{Country_adj} schools pilot a new approach to {subject}",
    "{n} schools from {m} countries join a network on {subject}",
    "Call for schools: share your experience of {subject}",
    "Teachers meet in {city} to exchange ideas on {subject}",
    "New European survey looks at {subject} {level}",
    "Conference report: {subject} {level}",
    "Interview: a head teacher from {city} on {subject}",
    "{Country} launches a national plan for {subject}",
    "Award for {a_country_adj} project on {subject}",
    "What we learned from a year of {subject}",
    "Webinar recording now available: {subject}",
    "Erasmus+ project on {subject} publishes its results",
    "Pupils in {city} lead the way on {subject}",
    "{Subject} {level}: new figures for {year}",
    "European week of {subject} opens in {city}",
]

COURSE_TITLES = {
    "self-paced": [
        "Introduction to {subject}",
        "Self-paced course: {subject} {level}",
        "{Subject} {for_audience}: learn at your own pace",
        "Foundations of {subject}",
        "Putting {subject} into practice",
    ],
    "scheduled-online": [
        "{Subject} {level}: a {weeks}-week online course",
        "Online course: {subject} {for_audience}",
        "Designing lessons around {subject}",
        "From theory to practice: {subject}",
        "Leading {subject} in your school",
    ],
    "on-site": [
        "Summer school in {city}: {subject}",
        "Study visit to {city}: {subject}",
        "Workshop in {city} on {subject}",
        "{Subject}: a {days}-day training course in {city}",
    ],
}

# --- Sentences. ---
RESOURCE_OPENINGS = {
    "teaching-material": "These materials help {audience} bring {subject} {level}.",
    "publication": "This publication looks at {subject} {level} across Europe.",
    "practice": "A school in {city}, {country}, shares how it approaches {subject}.",
    "tutorial": "This tutorial walks {audience} through {subject}, one step at a time.",
    "toolkit": "This toolkit gives {audience} practical tools for {subject} {level}.",
    "policy-document": "This document sets out policy guidance on {subject} {level}.",
    "research-report": "This report brings together research on {subject} from {m} countries.",
    "video": "In this video, {audience} from {city} show how they work on {subject}.",
}
DETAIL_SENTENCES = [
    "It includes {n} activities, a short self-assessment checklist and ideas for adapting them to different groups.",
    "Each section links {subject} with {subject2} and ends with questions for staff discussion.",
    "It was developed by teachers from {country}, {country2} and {country3} in an Erasmus+ partnership.",
    "Examples come from {m} schools with very different pupil populations.",
    "The activities need little preparation and no special equipment.",
    "It is short enough to read before a staff meeting and concrete enough to try the next day.",
    "Practical examples show what {subject} looks like in everyday lessons.",
    "A one-page summary makes it easy to share with colleagues and parents.",
]
NEWS_OPENINGS = [
    "Schools in {country} have started to work on {subject} {level}.",
    "{n} schools from {m} countries are taking part in a new initiative on {subject}.",
    "Teachers and school leaders met in {city} to discuss {subject}.",
    "A new study published this month looks at {subject} {level}.",
    "The portal spoke to {person}, a {role} from {city}, about {subject}.",
]
NEWS_DETAILS = [
    "Participants compared approaches, shared materials and agreed to keep in touch through the portal.",
    "The first results suggest that pupils are more engaged when {subject} is linked to {subject2}.",
    "Organisers say that the biggest challenge is finding time for staff to plan together.",
    "Schools interested in joining can register until the end of the school year.",
    "The results will feed into a set of open resources for {audience}.",
    "National authorities in {country} and {country2} are following the work closely.",
]
COURSE_OPENINGS = [
    "This course introduces {audience} to {subject} {level}.",
    "Join colleagues from across Europe to explore {subject}.",
    "A practical course on {subject} for {audience}.",
    "Learn how to plan, try out and reflect on {subject} {level}.",
]
COURSE_DETAILS = [
    "You will try out new activities with your own classes and share what happened.",
    "Short videos, readings and peer exchange alternate with practical assignments.",
    "Experienced trainers from {country} and {country2} guide the course.",
    "The course connects {subject} with {subject2} through concrete classroom examples.",
]
USAGE_SENTENCES = [
    "Start with one activity, try it with a single class and discuss the results with a colleague.",
    "Adapt the examples to your own context; they work with mixed-ability groups.",
    "Many schools use it as the basis for a professional development day.",
    "Plan at least two weeks for a first trial, including time for reflection.",
    "Involve pupils early: ask them what helps them learn and build on their answers.",
    "Share your experience with other schools on the portal; feedback shapes the next edition.",
]
WHY_SENTENCES = [
    "Research consistently shows that {subject} has a positive effect on pupils' learning and well-being.",
    "Across Europe, schools are looking for concrete ways to make {subject} part of everyday teaching.",
    "{Subject} is one of the priorities of the European Education Area.",
    "Teachers often say they lack time and examples to get started with {subject}.",
]
QUOTES = [
    "Our pupils noticed the difference within weeks, and so did their parents.",
    "The most valuable part was talking with colleagues from other countries.",
    "We started small, with one class, and now the whole school is involved.",
    "It changed the way I plan my lessons.",
    "The activities are simple, but they make pupils think.",
    "We learned as much from our mistakes as from what went well.",
]
CONTENT_ITEMS = [
    "lesson plans with timings and differentiation ideas",
    "printable worksheets and classroom posters",
    "a self-assessment checklist for teachers",
    "short case studies from schools in {country} and {country2}",
    "questions to guide a staff discussion",
    "suggestions for involving parents",
    "a glossary of key terms",
    "links to further reading and open resources",
    "an evaluation grid to measure progress",
    "ideas for cross-curricular projects with {subject2}",
]
LEARNING_OUTCOMES = [
    "understand the key ideas behind {subject}",
    "plan activities on {subject} {level}",
    "adapt materials for learners with different needs",
    "use simple tools to observe and assess progress",
    "share practice with colleagues in other countries",
    "connect {subject} with {subject2}",
    "build a small project with your own class",
]
MODULE_TITLES = [
    "Getting started with {subject}",
    "Why {subject} matters",
    "Planning for {subject} {level}",
    "{Subject} in the classroom",
    "Linking {subject} and {subject2}",
    "Assessing progress",
    "Working with colleagues and parents",
    "Learning from other schools",
    "Your own project",
    "Reflection and next steps",
]
FAQ = [
    ("Who is this for?", "It is written for {audience}, but colleagues in other roles will find it useful too."),
    ("Do I need any special equipment?", "No. Everything can be done with what most schools already have."),
    ("Can I adapt the materials?", "Yes. Check the licence and credit the authors when you share your version."),
    ("How long does it take?", "Plan about {hours} hours in total, spread over a few weeks."),
    ("Is it available in other languages?", "Translations into several European languages are under way."),
]
HERO_HEADINGS = [
    "Learn from each other, across Europe",
    "Ideas and resources for every classroom in Europe",
    "Where Europe's teachers share what works",
    "Teaching and learning, from early childhood to VET",
]
HERO_INTROS = [
    "News, teaching resources and professional development courses for school staff in Europe, "
    "from early childhood education to vocational training.",
    "Find classroom-tested resources, follow European school-education news and join online and on-site "
    "courses with colleagues from other countries.",
]
INDEX_INTROS = {
    "news": "Stories from schools, projects and policy across Europe, updated every week.",
    "resources": "Teaching materials, toolkits, research and policy documents, free to use and adapt.",
    "courses": "Online and on-site courses for teachers, school leaders and trainers, many with a certificate.",
}


def block_id(rng):
    """A UUID-shaped StreamField block id drawn from ``rng``."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def uuid_from(rng):
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def capitalise(text):
    """Sentence case: upper-case the first letter only, keeping acronyms such as STEM or VET."""
    return text[:1].upper() + text[1:] if text else text


def person_name(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def level_phrase(rng, level_codes):
    """'in primary schools', or 'from primary to upper secondary' for a span of levels."""
    if len(level_codes) >= 3 or (len(level_codes) == 2 and rng.random() < 0.5):
        return f"from {LEVEL_SHORT[level_codes[0]]} to {LEVEL_SHORT[level_codes[-1]]}"
    return rng.choice(LEVEL_PHRASES[level_codes[0]])


class Context(dict):
    """Placeholders for the templates; ``{Subject}``-style keys give the capitalised form."""

    def __missing__(self, key):
        if key[:1].isupper() and key.lower() in self:
            return capitalise(self[key.lower()])
        if key[:1].isupper() and key[:1].lower() + key[1:] in self:
            return capitalise(self[key[:1].lower() + key[1:]])
        raise KeyError(key)


def make_context(rng, topic_codes, level_codes, audience_codes=(), today=None, **extra):
    """Pick everything a text about these topics, levels and audiences may mention."""
    subject = rng.choice(TOPIC_SUBJECTS[topic_codes[0]])
    other_topics = topic_codes[1:] or [topic_codes[0]]
    subject2 = rng.choice([s for s in TOPIC_SUBJECTS[rng.choice(other_topics)] if s != subject] or [subject])
    places = rng.sample(PLACES, 3)
    country, country_adj, cities = places[0]
    audiences = [AUDIENCE_PHRASES[code] for code in audience_codes] or ["teachers"]
    ctx = Context(
        subject=subject,
        subject2=subject2,
        level=level_phrase(rng, list(level_codes)),
        audience=rng.choice(audiences),
        country=country,
        country_adj=country_adj,
        city=rng.choice(cities),
        country2=places[1][0],
        country3=places[2][0],
        n=rng.randint(5, 40),
        m=rng.randint(3, 27),
        adj=rng.choice(ADJECTIVES),
        year=(today.year if today else 2025) - rng.randint(0, 4),
        person=person_name(rng),
        role=rng.choice(ROLES),
        hours=rng.choice([2, 3, 4, 6, 8, 10]),
    )
    ctx["a_country_adj"] = ("an " if country_adj[0] in "AEIOU" else "a ") + country_adj
    ctx["for_audience"] = ("aimed at " if " for " in subject else "for ") + ctx["audience"]
    ctx.update(extra)
    return ctx


def fill(template, ctx):
    return template.format_map(ctx)


def with_qualifier(rng, title, ctx, probability=0.45):
    """Sometimes add ': a practical guide' and the like, unless it repeats a place or audience."""
    if ":" not in title and rng.random() < probability:
        qualifier = fill(rng.choice(QUALIFIERS), ctx)
        repeated = any(ctx[key] in title and ctx[key] in qualifier for key in ("city", "country", "audience"))
        if not repeated:
            title = f"{title}: {qualifier}"
    return capitalise(title)


def resource_title(rng, type_code, ctx):
    return with_qualifier(rng, fill(rng.choice(RESOURCE_TITLES[type_code]), ctx), ctx)


def news_title(rng, ctx):
    return capitalise(fill(rng.choice(NEWS_TITLES), ctx))


def course_title(rng, format_code, ctx):
    return with_qualifier(rng, fill(rng.choice(COURSE_TITLES[format_code]), ctx), ctx, probability=0.3)


def resource_summary(rng, type_code, ctx):
    return " ".join([fill(RESOURCE_OPENINGS[type_code], ctx), fill(rng.choice(DETAIL_SENTENCES), ctx)])


def news_summary(rng, ctx):
    return " ".join([fill(rng.choice(NEWS_OPENINGS), ctx), fill(rng.choice(NEWS_DETAILS), ctx)])


def course_summary(rng, ctx):
    return " ".join([fill(rng.choice(COURSE_OPENINGS), ctx), fill(rng.choice(COURSE_DETAILS), ctx)])


def sentences(rng, bank, ctx, count):
    return " ".join(fill(s, ctx) for s in rng.sample(bank, count))


# --- StreamField blocks (raw JSON, as stored in the database). ---
def p(text):
    return f"<p>{html.escape(text, quote=False)}</p>"


def ul(items):
    return "<ul>" + "".join(f"<li>{html.escape(item, quote=False)}</li>" for item in items) + "</ul>"


def heading_block(rng, text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}, "id": block_id(rng)}


def paragraph_block(rng, rich_html):
    return {"type": "paragraph", "value": rich_html, "id": block_id(rng)}


def image_block(rng, image, caption=""):
    value = {"image": image.pk, "alt_text": image.description, "decorative": False, "caption": caption}
    return {"type": "image", "value": value, "id": block_id(rng)}


def quote_block(rng, ctx):
    attribution = f"{person_name(rng)}, {rng.choice(ROLES)}, {ctx['city']}"
    return {"type": "quote", "value": {"quote": rng.choice(QUOTES), "attribution": attribution}, "id": block_id(rng)}


def cta_block(rng, title, text, button_label, url="", page_id=None):
    value = {"title": title, "text": text, "page": page_id, "url": url, "button_label": button_label}
    return {"type": "call_to_action", "value": value, "id": block_id(rng)}


def accordion_block(rng, title, items):
    value = {
        "title": title,
        "items": [
            {"type": "item", "value": {"heading": heading, "body": body}, "id": block_id(rng)}
            for heading, body in items
        ],
    }
    return {"type": "accordion", "value": value, "id": block_id(rng)}


def faq_block(rng, ctx, count=3):
    return accordion_block(rng, "Frequently asked questions", [(q, p(fill(a, ctx))) for q, a in rng.sample(FAQ, count)])


def document_list_block(rng, title, document_ids):
    value = {
        "title": title,
        "documents": [{"type": "item", "value": doc_id, "id": block_id(rng)} for doc_id in document_ids],
    }
    return {"type": "document_list", "value": value, "id": block_id(rng)}


def table_block(rng, caption, rows):
    value = {
        "caption": caption,
        "table": {
            "data": rows,
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_header_choice": "row",
            "table_caption": "",
            "cell": [],
            "mergedCells": [],
        },
    }
    return {"type": "table", "value": value, "id": block_id(rng)}


def resource_body(rng, type_code, ctx, image=None, external_url=""):
    blocks = [
        paragraph_block(rng, p(fill(RESOURCE_OPENINGS[type_code], ctx) + " " + sentences(rng, WHY_SENTENCES, ctx, 1))),
        heading_block(rng, rng.choice(["What you will find", "What is inside", "Contents at a glance"])),
        paragraph_block(rng, ul([fill(item, ctx) for item in rng.sample(CONTENT_ITEMS, rng.randint(3, 5))])),
    ]
    if image is not None:
        blocks.append(image_block(rng, image))
    blocks += [
        heading_block(rng, rng.choice(["How to use it", "Using it in your school", "Getting started"])),
        paragraph_block(rng, p(sentences(rng, USAGE_SENTENCES, ctx, rng.randint(2, 3)))),
    ]
    if rng.random() < 0.4:
        blocks.append(quote_block(rng, ctx))
    if rng.random() < 0.2:
        blocks.append(faq_block(rng, ctx, rng.randint(2, 3)))
    if external_url:
        blocks.append(
            cta_block(
                rng, "Open the full resource", "The resource is hosted by its authors.", "Visit", url=external_url
            )
        )
    return blocks


def news_body(rng, ctx, image=None):
    blocks = [
        paragraph_block(rng, p(fill(rng.choice(NEWS_OPENINGS), ctx) + " " + sentences(rng, NEWS_DETAILS, ctx, 2))),
        paragraph_block(rng, p(sentences(rng, WHY_SENTENCES, ctx, 2))),
    ]
    if image is not None:
        blocks.append(image_block(rng, image, caption=f"{ctx['city']}, {ctx['year']}"))
    if rng.random() < 0.5:
        blocks.append(quote_block(rng, ctx))
    blocks += [
        heading_block(rng, rng.choice(["What happens next", "Next steps", "How to take part"])),
        paragraph_block(rng, p(sentences(rng, NEWS_DETAILS, ctx, 1) + " " + sentences(rng, USAGE_SENTENCES, ctx, 1))),
    ]
    return blocks


def course_body(rng, ctx, facts, image=None):
    """``facts``: (label, value) rows for an 'at a glance' table."""
    blocks = [
        paragraph_block(rng, p(fill(rng.choice(COURSE_OPENINGS), ctx) + " " + sentences(rng, COURSE_DETAILS, ctx, 2))),
        heading_block(rng, "What you will learn"),
        paragraph_block(rng, ul([fill(o, ctx) for o in rng.sample(LEARNING_OUTCOMES, rng.randint(3, 5))])),
    ]
    if image is not None:
        blocks.append(image_block(rng, image))
    if rng.random() < 0.5:
        blocks.append(table_block(rng, "The course at a glance", [["Item", "Details"], *facts]))
    if rng.random() < 0.4:
        blocks.append(faq_block(rng, ctx, 2))
    blocks.append(heading_block(rng, "Who is it for"))
    blocks.append(paragraph_block(rng, p(f"The course is designed for {ctx['audience']} working {ctx['level']}.")))
    return blocks


def module_texts(rng, ctx, count):
    """(title, summary, body html) for ``count`` course modules, in order."""
    titles = rng.sample(MODULE_TITLES[1:-1], count - 2)
    titles = [MODULE_TITLES[0], *titles, MODULE_TITLES[-1]]
    modules = []
    for number, template in enumerate(titles, start=1):
        title = f"Module {number}: {capitalise(fill(template, ctx))}"
        summary = fill(rng.choice(LEARNING_OUTCOMES), ctx)
        modules.append((title, capitalise(summary) + ".", p(sentences(rng, USAGE_SENTENCES, ctx, 2))))
    return modules
