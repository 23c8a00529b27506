"""A synthetic corpus of N chapters made from this one, to see how the build scales.

Each chapter gets its own anchors (chapter number k instead of 7), its own
authors' notes (numbered 100k + n) and its own textual and editorial records;
persons, glossary and works cited are shared, as in a whole Platform.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml


def _renumber_text(text: str, chapter: int) -> str:
    text = re.sub(r'\{id="7\.', f'{{id="{chapter}.', text)
    text = re.sub(r":name: 7\.", f":name: {chapter}.", text)
    return re.sub(r"\{authors-note\}`(\d+)`", lambda m: f"{{authors-note}}`{chapter * 100 + int(m.group(1))}`", text)


def write_corpus(project: Path, target: Path, chapters: int) -> Path:
    """An edition of ``chapters`` chapters in ``target``; returns its folder (conf.py inside)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(project / "footnotes", target / "footnotes")
    source = target / "source"
    source.mkdir(parents=True)
    for page in ("glossary", "persons", "works-cited", "textual-notes", "editorial-notes"):
        shutil.copy(project / "source" / f"{page}.md", source / f"{page}.md")
    chapter_text = (project / "source" / "chapter.md").read_text(encoding="utf-8")
    names = [f"chapter{k:03d}" for k in range(1, chapters + 1)]
    for k, name in enumerate(names, start=1):
        (source / f"{name}.md").write_text(_renumber_text(chapter_text, k), encoding="utf-8")
    (source / "index.md").write_text(
        "# Corpus\n\n```{toctree}\n" + "\n".join(names) + "\nglossary\npersons\nworks-cited\ntextual-notes\neditorial-notes\n```\n",
        encoding="utf-8",
    )
    data = target / "footnotes"
    for kind, _key in (("authorial", "number"), ("textual", "id"), ("editorial", "id")):
        path = data / f"{kind}.yaml"
        if not path.exists():
            continue
        records = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        copies = []
        for k in range(1, chapters + 1):
            for record in records:
                copy = yaml.safe_load(yaml.safe_dump(record))
                if kind == "authorial":
                    copy["number"] = k * 100 + record["number"]
                    for cite in copy.get("cites", []):
                        if "same_as_note" in cite:
                            cite["same_as_note"] = k * 100 + cite["same_as_note"]
                else:
                    copy["id"] = f"{record['id']}-{k}"
                    target_ = copy["target"]
                    if "anchor" in target_:
                        target_["anchor"] = re.sub(r"^7\.", f"{k}.", target_["anchor"])
                    if "note" in target_:
                        target_["note"] = k * 100 + target_["note"]
                copies.append(copy)
        path.write_text(yaml.safe_dump(copies, allow_unicode=True, sort_keys=False), encoding="utf-8")
    conf = (project / "conf.py").read_text(encoding="utf-8")
    conf = conf.replace('edition_text_documents = ["chapter"]', f"edition_text_documents = {names!r}")
    conf = conf.replace('edition_anchor_manifest = "source/anchor-manifest.json"', 'edition_anchor_manifest = ""')
    (target / "conf.py").write_text(conf, encoding="utf-8")
    if (project / ".tools").is_dir() and not (target / ".tools").exists():  # the search page's library
        (target / ".tools").symlink_to(project / ".tools")
    return target
