"""HTML for the demo's papers, in the numbered shape Coventry's briefing notes share.

The facts (subjects, section headings) come from the seed packs; the paragraphs themselves
are short summaries written for the demo, not copies of the originals. A paper's authors
are not part of its body: they are `DocumentAuthor` rows (see `loading.author`).
"""

from django.utils.html import escape


def briefing_note(
    *,
    purpose: str,
    recommendations: list[str],
    sections: list[tuple[str, list[str]]],
    stem: str = "It is recommended that the Education and Children's Services Scrutiny Board:",
) -> str:
    """Sections 1 Purpose of the Note, 2 Recommendations, then topics.

    The authors block that closes a printed note is rendered from the paper's authors."""
    html = [
        "<h2>1 Purpose of the Note</h2>",
        f"<p>1.1 {escape(purpose)}</p>",
        "<h2>2 Recommendations</h2>",
        f"<p>2.1 {escape(stem)}</p>",
        "<ol>" + "".join(f"<li>{escape(text)}</li>" for text in recommendations) + "</ol>",
    ]
    for number, (heading, paragraphs) in enumerate(sections, start=3):
        html.append(f"<h2>{number} {escape(heading)}</h2>")
        html.extend(
            f"<p>{number}.{index} {escape(text)}</p>"
            for index, text in enumerate(paragraphs, start=1)
        )
    return "".join(html)


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
