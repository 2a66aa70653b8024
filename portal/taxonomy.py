"""The portal's reference vocabularies (source: shared/data/taxonomy.md).

Codes are stable identifiers used in URLs, facets and search indexes; labels are the English
source strings, translated through the interface catalogues. The database tables created from
these lists stay editable in the admin; fixed vocabularies (licences, course formats) are choices.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

# (code, label, ISCED level)
EDUCATIONAL_LEVELS = [
    ("ecec", gettext_noop("Early childhood education and care"), "0"),
    ("primary", gettext_noop("Primary education"), "1"),
    ("lower-secondary", gettext_noop("Lower secondary education"), "2"),
    ("upper-secondary", gettext_noop("Upper secondary education"), "3"),
    ("ivet", gettext_noop("Initial vocational education and training"), "3-4"),
]

TOPICS = [
    ("assessment", gettext_noop("Assessment")),
    ("arts", gettext_noop("Arts")),
    ("blended-learning", gettext_noop("Blended learning")),
    ("career-guidance", gettext_noop("Career guidance")),
    ("citizenship", gettext_noop("Citizenship")),
    ("classroom-management", gettext_noop("Classroom management")),
    ("communication-skills", gettext_noop("Communication skills")),
    ("cultural-diversity", gettext_noop("Cultural diversity")),
    ("cultural-heritage", gettext_noop("Cultural heritage")),
    ("digital-competence", gettext_noop("Digital competence")),
    ("digital-tools", gettext_noop("Digital tools")),
    ("disadvantaged-learners", gettext_noop("Disadvantaged learners")),
    ("distance-learning", gettext_noop("Distance learning")),
    ("early-school-leaving", gettext_noop("Early school leaving")),
    ("entrepreneurship", gettext_noop("Entrepreneurship")),
    ("inclusion", gettext_noop("Inclusion")),
    ("inclusive-teaching", gettext_noop("Inclusive teaching")),
    ("language-learning", gettext_noop("Language learning")),
    ("learning-space", gettext_noop("Learning space")),
    ("learning-to-learn", gettext_noop("Learning to learn")),
    ("media-literacy", gettext_noop("Media literacy")),
    ("migrant-students", gettext_noop("Migrant students")),
    ("online-learning", gettext_noop("Online learning")),
    ("parents", gettext_noop("Parents")),
    ("pedagogy", gettext_noop("Pedagogy")),
    ("policy-development", gettext_noop("Policy development")),
    ("professional-development", gettext_noop("Professional development")),
    ("quality-assurance", gettext_noop("Quality assurance")),
    ("refugee-education", gettext_noop("Refugee education")),
    ("school-data", gettext_noop("School data")),
    ("school-leadership", gettext_noop("School leadership")),
    ("school-partnerships", gettext_noop("School partnerships and networks")),
    ("social-skills", gettext_noop("Social skills")),
    ("special-needs-education", gettext_noop("Special needs education")),
    ("stakeholder-involvement", gettext_noop("Stakeholders' involvement")),
    ("stem", gettext_noop("STEM")),
    ("support-to-learners", gettext_noop("Support to learners")),
    ("sustainability", gettext_noop("Sustainability")),
    ("teacher-careers", gettext_noop("Teacher and school leader careers")),
    ("teacher-mobility", gettext_noop("Teacher mobility")),
    ("teaching", gettext_noop("Teaching")),
    ("well-being", gettext_noop("Well-being")),
    ("whole-school-approach", gettext_noop("Whole-school approach")),
]

RESOURCE_TYPES = [
    ("teaching-material", gettext_noop("Teaching material")),
    ("publication", gettext_noop("Publication")),
    ("practice", gettext_noop("Practice")),
    ("tutorial", gettext_noop("Tutorial")),
    ("toolkit", gettext_noop("Toolkit")),
    ("policy-document", gettext_noop("Policy document")),
    ("research-report", gettext_noop("Research report")),
    ("video", gettext_noop("Video")),
]

AUDIENCES = [
    ("school-staff", gettext_noop("School staff")),
    ("school-leaders", gettext_noop("School leaders")),
    ("researchers", gettext_noop("Researchers")),
    ("policymakers", gettext_noop("Policymakers")),
    ("ecec-staff", gettext_noop("ECEC staff")),
    ("vet-trainers", gettext_noop("VET trainers")),
    ("parents", gettext_noop("Parents")),
]


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", _("CC BY 4.0")
    CC_BY_SA = "cc-by-sa-4.0", _("CC BY-SA 4.0")
    CC_BY_NC = "cc-by-nc-4.0", _("CC BY-NC 4.0")
    CC_BY_NC_SA = "cc-by-nc-sa-4.0", _("CC BY-NC-SA 4.0")
    CC0 = "cc0-1.0", _("CC0 1.0 (public domain)")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Licence.CC_BY_NC_SA: "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


class CourseFormat(models.TextChoices):
    SELF_PACED = "self-paced", _("Self-paced online")
    SCHEDULED_ONLINE = "scheduled-online", _("Scheduled online")
    ON_SITE = "on-site", _("On-site")
