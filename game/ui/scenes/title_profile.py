"""Title and profile: choose a profile or type a new name (Korean through the IME), settings, quit.

The name box is always listening on this screen, so a trainee can just start typing; arrows and Enter
pick an existing profile when the box is empty. Eight profiles show at a time (two columns of four);
with more, the list scrolls a column at a time (arrows past the edge, PgUp/PgDn, the wheel), because a
class sharing one PC soon has more than eight. In an onboarding session the session's name and date
are shown, and this is where each trainee in turn picks their own profile.
"""

from __future__ import annotations

import pygame

from game.paths import places
from game.ui.context import PROGRESS_ERRORS, Context
from game.ui.scene import Scene
from game.ui.transitions import Push, Replace, SceneKind, first_screen
from game.ui.widgets.button import Button, Menu
from game.ui.widgets.text import draw_text
from game.ui.widgets.text_input import TextInput

COLUMN = (400, 200, 480, 0)
PER_COLUMN = 4
MAX_SHOWN = 2 * PER_COLUMN  # two columns of four


class TitleScene(Scene):
    name = "title"
    notice_area = (240, 672, 800, 40)  # over the key hint at the bottom: the title stays clear

    def __init__(self, ctx: Context, then: str | None = None) -> None:
        super().__init__(ctx)
        self.then = then  # a scenario id to open once a profile is chosen (``eungdae play ID``)
        self.input = TextInput((400, 536, 340, 56), max_length=20, placeholder=ctx.t("title.new_profile"))
        self.error = ""
        self.profiles: list[str] = []
        self.first = 0  # the first profile shown; a multiple of PER_COLUMN
        self._build()
        self.input.activate(ctx)
        self.voice_cache = places().voice_cache

    def _folders(self) -> str:
        """Where this run keeps progress and voices (small print: a trainer checks it once)."""
        saves = getattr(self.ctx.progress, "saves_dir", None) if self.ctx.persistent else None
        shown = str(saves) if saves is not None else self.ctx.t("title.not_saved")
        return self.ctx.t("title.folders", saves=shown, cache=self.voice_cache)

    def _build(self) -> None:
        try:
            self.profiles = self.ctx.progress.profiles()
        except PROGRESS_ERRORS as exc:
            self.profiles, self.error = [], str(exc)
        self._place()

    def _place(self, focus: int | None = None) -> None:
        """Buttons for the profiles in view; ``focus`` is the menu slot to focus, else the old one."""
        self.first = max(0, min(self.first, self._last_first()))
        x, y, _w, _ = COLUMN
        shown = self.profiles[self.first : self.first + MAX_SHOWN]
        buttons = [
            Button(
                (x + (i // PER_COLUMN) * 244, y + 30 + (i % PER_COLUMN) * 64, 236, 56),
                name,
                f"profile:{name}",
            )
            for i, name in enumerate(shown)
        ]
        buttons.append(Button((x, 612, 232, 52), self.ctx.t("title.settings"), "settings"))
        buttons.append(Button((x + 248, 612, 232, 52), self.ctx.t("title.quit"), "quit"))
        old = getattr(getattr(self, "menu", None), "focus", 0)
        self.menu = Menu(buttons, focus=old if focus is None else focus)
        self.create = Button((752, 536, 128, 56), self.ctx.t("title.create"), "create")
        self.input.placeholder = self.ctx.t("title.new_profile")

    def _last_first(self) -> int:
        columns = -(-len(self.profiles) // PER_COLUMN)
        return max(0, (columns - 2) * PER_COLUMN)

    def scroll(self, columns: int) -> None:
        """Move the view by whole columns; the focus stays on the same slot."""
        self.first += columns * PER_COLUMN
        self._place()

    def _profile_focused(self) -> int | None:
        """The index in ``profiles`` of the focused button, if it is a profile."""
        slot = self.menu.focus
        if slot < len(self.menu.buttons) and self.menu.buttons[slot].action.startswith("profile:"):
            return self.first + slot
        return None

    def _step(self, delta: int) -> bool:
        """Arrow keys over the profiles: move one, scrolling when the next one is out of view."""
        index = self._profile_focused()
        if index is None or not 0 <= index + delta < len(self.profiles):
            return False
        target = index + delta
        if target < self.first:
            self.first -= PER_COLUMN
        elif target >= self.first + MAX_SHOWN:
            self.first += PER_COLUMN
        self.first = max(0, min(self.first, self._last_first()))
        self._place(focus=target - self.first)
        return True

    def resume(self, result: str | None = None) -> None:
        self._build()
        self.input.activate(self.ctx)

    def close(self) -> None:
        self.input.deactivate()

    def choose(self, name: str) -> None:
        self.ctx.profile = name
        self.input.deactivate()
        if self.ctx.library is None:  # still loading in the background: wait on "불러오는 중…"
            self.emit(Replace(SceneKind.LOADING, {"then": self.then}))
        else:
            self.emit(first_screen(self.ctx.library, self.then))

    def create_profile(self) -> None:
        name = self.input.text.strip()
        if not name:
            return
        try:
            if name not in self.profiles:
                self.ctx.progress.create_profile(name)
        except PROGRESS_ERRORS as exc:
            self.error = str(exc)
            return
        self.choose(name)

    def process_event(self, event: pygame.event.Event) -> None:
        if self.input.process_event(event):
            self.error = ""
            return
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if self.input.composition:
                return
            if self.input.text.strip():
                self.create_profile()
                return
            if not self.profiles:  # nothing typed, nothing to pick: Enter must not open settings
                return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.ctx.quit_requested = True
            return
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            self.scroll(-1 if event.key == pygame.K_PAGEUP else 1)
            return
        arrow = event.type == pygame.KEYDOWN and event.key in (pygame.K_UP, pygame.K_DOWN)
        if arrow and self._step(-1 if event.key == pygame.K_UP else 1):
            return
        if event.type == pygame.MOUSEWHEEL:
            self.scroll(-event.y)
            return
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            from game.ui.layout import contains

            if contains(self.create.rect, self.ctx.layout.to_design(event.pos)):
                self.create_profile()
                return
        button = self.menu.handle(self.ctx, event)
        if button is None:
            return
        if button.action.startswith("profile:"):
            self.choose(button.action.split(":", 1)[1])
        elif button.action == "settings":
            self.emit(Push(SceneKind.SETTINGS))
        elif button.action == "quit":
            self.ctx.quit_requested = True

    def draw(self, surface: pygame.Surface) -> None:
        ctx, th = self.ctx, self.ctx.theme
        surface.fill(th.background)
        draw_text(
            ctx, surface, ctx.t("app.title"), (0, 40, 1280, 90), 72, th.accent, bold=True, align="center"
        )
        draw_text(ctx, surface, ctx.t("app.subtitle"), (0, 130, 1280, 36), 20, th.text_dim, align="center")
        session = ctx.onboarding
        if session is not None:
            line = ctx.t("title.session", name=session.name, date=session.date.isoformat())
            draw_text(ctx, surface, line, (100, 164, 1080, 30), 18, th.accent, bold=True, align="center")
        x, y, w, _ = COLUMN
        header = ctx.t("title.trainee" if session is not None else "title.profiles")
        draw_text(ctx, surface, header, (x, y - 6, w, 30), 18, th.text, bold=True)
        if len(self.profiles) > MAX_SHOWN:
            last = min(len(self.profiles), self.first + MAX_SHOWN)
            more = ctx.t("title.more", first=self.first + 1, last=last, n=len(self.profiles))
            arrows = ("▲ " if self.first > 0 else "") + ("▼ " if last < len(self.profiles) else "")
            draw_text(ctx, surface, arrows + more, (x + w + 12, y + 30, 280, 26), 15, th.text_dim)
        if not self.profiles:
            draw_text(ctx, surface, ctx.t("title.none"), (x, y + 40, w, 60), 18, th.text_dim)
        self.menu.draw(ctx, surface)
        self.input.draw(ctx, surface)
        self.create.draw(ctx, surface, size=16)
        if self.error:
            draw_text(ctx, surface, self.error, (x, 500, w, 32), 16, th.bad, valign="middle")
        draw_text(ctx, surface, ctx.t("title.hint"), (0, 672, 1280, 28), 15, th.text_dim, align="center")
        draw_text(ctx, surface, self._folders(), (16, 698, 1248, 20), 11, th.text_dim, align="center")
