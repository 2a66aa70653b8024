"""Small demo documents (PDF, CSV, plain text) written locally, byte for byte.

The PDFs are hand-built single-page PDF 1.4 files using the standard Helvetica font: a catalog, a page
tree, one page, its content stream and an exact cross-reference table, so every reader opens them.
"""

DOCUMENTS = [
    (
        "lesson-plan-template.pdf",
        "Lesson plan template",
        [
            "Lesson plan template",
            "",
            "Class and level: ..........   Date: ..........   Duration: ..........",
            "Learning objectives: what will pupils know or be able to do?",
            "Prior knowledge: what do pupils already know?",
            "Activities: introduction, main activity, closing.",
            "Differentiation: support and challenge for different learners.",
            "Assessment: how will you and your pupils see progress?",
            "Reflection: what worked, what would you change?",
        ],
    ),
    (
        "school-self-assessment-checklist.pdf",
        "Self-assessment checklist for schools",
        [
            "Self-assessment checklist for schools",
            "",
            "1. Our school has a shared vision for teaching and learning.",
            "2. Staff regularly observe and discuss each other's lessons.",
            "3. Pupils are involved in decisions that affect them.",
            "4. We collect and use data to improve, not only to report.",
            "5. Parents and the local community are partners of the school.",
            "Rate each statement from 1 (not yet) to 4 (fully in place).",
        ],
    ),
    (
        "inclusive-classroom-checklist.pdf",
        "Inclusive classroom checklist",
        [
            "Inclusive classroom checklist",
            "",
            "- Can every pupil see, hear and move around the room easily?",
            "- Are instructions given in more than one way (spoken, written, visual)?",
            "- Do materials reflect the diversity of the class?",
            "- Do pupils have choices in how they show what they learned?",
            "- Is there a calm space for pupils who need a break?",
        ],
    ),
    (
        "digital-competence-self-reflection.pdf",
        "Digital competence self-reflection tool",
        [
            "Digital competence self-reflection tool",
            "",
            "Based on the six areas of the European framework for educators (DigCompEdu):",
            "professional engagement, digital resources, teaching and learning,",
            "assessment, empowering learners, facilitating learners' digital competence.",
            "For each area, note one strength and one thing to try this term.",
        ],
    ),
    (
        "parent-information-letter.pdf",
        "Parent information letter template",
        [
            "Parent information letter template",
            "",
            "Dear parents and carers,",
            "this term our class is taking part in a European school project.",
            "Pupils will work with a partner school and share their work online.",
            "Please contact us with any questions. Thank you for your support.",
        ],
    ),
    (
        "course-handbook.pdf",
        "Course handbook",
        [
            "Course handbook",
            "",
            "Welcome to the course. This handbook explains how the course works:",
            "the weekly rhythm, assignments, peer feedback and the certificate.",
            "Plan about three hours a week. Ask questions in the course forum.",
        ],
    ),
    (
        "data-protection-guidance.pdf",
        "Data protection guidance for school projects",
        [
            "Data protection guidance for school projects",
            "",
            "Collect only the personal data a project needs.",
            "Ask for consent before publishing pupils' photos or work.",
            "Store data securely and delete it when the project ends.",
        ],
    ),
    (
        "classroom-observation-grid.csv",
        "Classroom observation grid",
        "focus,what I saw,what pupils did,question for the teacher\n"
        "questioning,,,\nfeedback,,,\npupil talk,,,\nuse of time,,,\ninclusion,,,\n",
    ),
    (
        "project-timeline-worksheet.csv",
        "Project timeline worksheet",
        "week,activity,who,materials,done\n1,Get to know partner school,class,video call,\n"
        "2,Agree on a shared question,teachers,online board,\n3,Research in small groups,pupils,library,\n"
        "4,Share findings,both classes,presentation,\n5,Reflect and evaluate,everyone,survey,\n",
    ),
    (
        "mobility-planning-sheet.csv",
        "Erasmus+ mobility planning sheet",
        "step,deadline,responsible,notes\nIdentify learning needs,,school leader,\nChoose a course or host school,,"
        "teacher,\nApply for funding,,coordinator,\nTravel and participate,,teacher,\nShare with colleagues,,"
        "teacher,\n",
    ),
    (
        "glossary-school-education.txt",
        "Glossary of school education terms",
        "ECEC - early childhood education and care, before compulsory primary education.\n"
        "ISCED - the International Standard Classification of Education.\n"
        "IVET - initial vocational education and training.\n"
        "CLIL - content and language integrated learning.\n"
        "Formative assessment - assessment during learning, used to adapt teaching.\n",
    ),
    (
        "reading-list-well-being.txt",
        "Reading list: well-being at school",
        "A short reading list on well-being at school, for staff discussion.\n\n"
        "1. A whole-school approach to well-being: principles and examples.\n"
        "2. Teacher well-being: why it matters for pupils.\n"
        "3. Preventing bullying: what the evidence says.\n",
    ),
]


def _pdf_text(text):
    """A PDF literal string (Latin-1, with (, ) and \\ escaped)."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return "(" + escaped + ")"


def minimal_pdf(lines, title=""):
    """Bytes of a one-page A4 PDF showing ``lines`` (the first one as a heading)."""
    commands = ["BT", "/F1 20 Tf", "72 770 Td", _pdf_text(lines[0]) + " Tj", "/F1 11 Tf", "0 -34 Td"]
    for line in lines[1:]:
        commands += [_pdf_text(line) + " Tj", "0 -18 Td"]
    commands.append("ET")
    stream = "\n".join(commands).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Title " + _pdf_text(title or lines[0]).encode("latin-1") + b" /Producer (School education portal) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode() + b"0000000000 65535 f \n"
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def document_files():
    """[(filename, title, bytes)] for every demo document."""
    files = []
    for filename, title, content in DOCUMENTS:
        data = minimal_pdf(content, title) if filename.endswith(".pdf") else content.encode("utf-8")
        files.append((filename, title, data))
    return files
