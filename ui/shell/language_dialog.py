"""The user chooses the language of their sessions (GEN-6): saved with the user, applied at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from app import i18n, users
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog

if TYPE_CHECKING:
    from app.services import Services


class LanguageDialog(FormDialog[Actor]):
    """Returns the actor as saved (its `language` None when it follows the station)."""

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, *, station_language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, name="language", title=self.tr("Language"), ok_text=self.tr("Use this language"),
                         parent=parent)
        self.ctx, self.actor = ctx, actor
        self.choice = QComboBox()
        self.choice.setObjectName("languageChoice")
        # Each language is named in itself, as a language menu shows it: a user who cannot read the current one
        # still finds theirs.
        self.choice.addItem(self.tr("As this station ({language})").format(
            language=i18n.LANGUAGES[station_language]), None)
        for code, name in i18n.LANGUAGES.items():
            self.choice.addItem(name, code)
        self.choice.setCurrentIndex(max(0, self.choice.findData(actor.language)))
        self.add_row(self.tr("Language of my sessions"), self.choice)
        note = QLabel(self.tr("Saved with your user, so it follows you to every station. Names, lot numbers and "
                              "other recorded data are shown as they were entered."))
        note.setObjectName("languageNote")
        note.setWordWrap(True)
        self.body.addWidget(note)
        self.finish()

    def submit(self) -> None:
        language = self.choice.currentData()
        ctx, actor = self.ctx, self.actor
        self.run(lambda: users.choose_own_language(ctx.uow(), actor, language))
