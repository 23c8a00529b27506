"""A plain LaTeX build whose page plants the two faults a printer rejects."""

project = "Planted faults"
extensions = ["myst_parser"]
latex_engine = "xelatex"
latex_documents = [("index", "planted.tex", project, "Tests", "howto", False)]
# The fonts of the edition, which the machines that make it have.
latex_elements = {"fontpkg": r"\setmainfont{Noto Serif}\setsansfont{Noto Sans}\setmonofont{DejaVu Sans Mono}"}
