"""One offer to sign in, wherever a service refuses for want of a user or of a role.

Roles are enforced in ``facilitator.app`` (``AccessDenied``); a screen that gets such
a refusal on a shared install calls :func:`show_refusal` with what it was doing
(``retry``). The refusal is shown with an offer to sign in now; a yes opens
:class:`SignInDialog` (the same name-and-passphrase form as the Supervision screen),
and once someone signs in they act for the whole app until the lock
(``ctx.principal``) and the refused action runs again as them. On a one-person
install, or for any other error, it is the plain :func:`facilitator.ui.widgets.show_error`.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from facilitator.ui.review_view import SecondPersonDialog


def _shared(ctx: Any) -> bool:
    """Several people use this store (a one-person install never asks who you are)."""
    if getattr(ctx, "db", None) is None or getattr(ctx, "store", None) is None:
        return False
    from facilitator.store.users import accounts

    return len(accounts(ctx.db)) > 1


class SignInDialog(SecondPersonDialog):
    """Sign in as a user of this store, to carry on with what was refused."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in"))
        self.note.setText(
            self.tr(
                "Sign in with your own name and passphrase; you act as that user until "
                "the app is locked."
            )
        )
        self.login.setObjectName("signInDialogLogin")
        self.passphrase.setObjectName("signInDialogPassphrase")


def offer_sign_in(
    parent: QWidget | None, ctx: Any, exc: BaseException, retry: Optional[Callable[[], Any]] = None
) -> Optional[SignInDialog]:
    """For an ``AccessDenied`` on a shared install: show the refusal and ask whether to
    sign in now. Yes opens :class:`SignInDialog` (window-modal, so the screen behind
    keeps its state); a successful sign-in sets ``ctx.principal`` and runs ``retry``.
    Returns the dialog, or None when there was nothing to offer or the answer was no."""
    from facilitator.app.access import AccessDenied
    from facilitator.ui.errors_ui import error_text

    if not isinstance(exc, AccessDenied) or not _shared(ctx):
        return None
    lang = getattr(ctx, "lang", None)
    signed = getattr(ctx, "principal", None)
    question = (
        QApplication.translate("SignIn", "Sign in now as a user who may do this?")
        if signed is not None
        else QApplication.translate("SignIn", "Sign in now?")
    )
    answer = QMessageBox.question(
        parent,
        QApplication.translate("SignIn", "Sign in"),
        error_text(exc, lang) + "\n\n" + question,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    dialog = SignInDialog(ctx, parent)

    def signed_in(principal: Any) -> None:
        ctx.principal = principal  # the acting user for the whole app until locked
        if retry is not None:
            retry()

    dialog.signed_in.connect(signed_in)
    dialog.open()
    dialog.login.setFocus()
    return dialog


def show_refusal(
    parent: QWidget | None, ctx: Any, exc: BaseException, retry: Optional[Callable[[], Any]] = None
) -> Optional[SignInDialog]:
    """:func:`offer_sign_in`, or else the error as a message box."""
    dialog = offer_sign_in(parent, ctx, exc, retry)
    if dialog is None and not _offered_no(exc, ctx):
        from facilitator.ui.widgets import show_error

        show_error(parent, exc)
    return dialog


def _offered_no(exc: BaseException, ctx: Any) -> bool:
    """The offer was made and declined (the refusal was already on screen)."""
    from facilitator.app.access import AccessDenied

    return isinstance(exc, AccessDenied) and _shared(ctx)
