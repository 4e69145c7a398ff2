"""Scenario select: three categories, each scenario with its type, difficulty, best score and completion,
what to practise next, and the interrupted play to resume.

Stats and recommendations come from progress (``stats``, ``recommendations``, ``resumable``); a
progress failure shows as "no record" and its message once at the top, never as a crash of the menu.
What progress noticed on its way (a damaged save restored) is shown once, here.

In an onboarding session (``ctx.onboarding``) the first tab is the trainer's set, in the trainer's
order, each marked done / passed for this profile (``game.ui.assignment``); the mode is the session's
and cannot be toggled. F5 reads the scenario files again (``Context.reload``).
"""

from __future__ import annotations

import pygame

from game.engine.session import Session, SessionError
from game.progress.port import Recommendation, ScenarioStats
from game.scenario.model import CATEGORIES, Scenario
from game.ui.assignment import Assigned, assignment, next_assigned
from game.ui.context import PROGRESS_ERRORS, Context
from game.ui.layout import contains
from game.ui.scene import Scene
from game.ui.transitions import RELOAD, Push, Replace, SceneKind
from game.ui.widgets.button import Button
from game.ui.widgets.panel import draw_panel
from game.ui.widgets.text import Block, draw_blocks, draw_text

LIST = (16, 128, 816, 500)
SIDE = (848, 64, 416, 564)
ROW_H = 96
VISIBLE = 5
ASSIGNED = "assigned"


class SelectScene(Scene):
    name = "select"
    notice_area = (848, 2, 416, 54)  # over the key hints, clear of the title and the profile

    def __init__(self, ctx: Context, selected: str | None = None) -> None:
        super().__init__(ctx)
        self.category = 0
        self.index = 0
        self.top = 0
        self.stats: dict[str, ScenarioStats | None] = {}
        self.recommendations: list[Recommendation] = []
        self.saved: dict | None = None
        self.assigned: list[Assigned] = []
        self.refresh()
        ctx.speech.warm()  # a play will need the voice: open it while the trainee chooses
        if selected is not None:
            self.select(selected)
        elif self.assigned:
            first = next_assigned(self.assigned)
            if first is not None:
                self.select(first)

    @property
    def tabs(self) -> list[str]:
        return [ASSIGNED, *CATEGORIES] if self.ctx.onboarding is not None else list(CATEGORIES)

    # -- data --------------------------------------------------------------------------------------

    def refresh(self) -> None:
        progress, profile, onboarding = self.ctx.progress, self.ctx.profile, self.ctx.onboarding
        self.stats = {}
        for scenario in self.ctx.library.scenarios:
            try:
                self.stats[scenario.id] = progress.stats(profile, scenario.id) if profile else None
            except KeyError:
                self.stats[scenario.id] = None
            except PROGRESS_ERRORS as exc:
                self.stats[scenario.id] = None
                self.ctx.notify(str(exc))
        try:
            self.recommendations = progress.recommendations(profile) if profile else []
            self.saved = progress.resumable(profile) if profile else None
            attempts = progress.attempts(profile) if profile and onboarding else []
        except PROGRESS_ERRORS as exc:
            self.recommendations, self.saved, attempts = [], None, []
            self.ctx.notify(str(exc))
        self.assigned = assignment(onboarding, attempts) if onboarding else []
        self.ctx.take_progress_notices()

    def resume(self, result: str | None = None) -> None:
        self.ctx.take_progress_notices()
        if result == RELOAD:
            self.reload()

    def in_category(self) -> list[Scenario]:
        tab = self.tabs[self.category]
        if tab == ASSIGNED:
            known = {s.id: s for s in self.ctx.library.scenarios}
            return [known[a.scenario_id] for a in self.assigned if a.scenario_id in known]
        return [s for s in self.ctx.library.scenarios if s.category == tab]

    @property
    def current(self) -> Scenario | None:
        scenarios = self.in_category()
        return scenarios[self.index] if 0 <= self.index < len(scenarios) else None

    def select(self, scenario_id: str) -> bool:
        """Focus a scenario: in the assigned tab when it is part of the session, else in its category."""
        for scenario in self.ctx.library.scenarios:
            if scenario.id == scenario_id:
                assigned = any(a.scenario_id == scenario_id for a in self.assigned)
                self.category = 0 if assigned else self.tabs.index(scenario.category)
                self.index = self.in_category().index(scenario)
                self.top = 0
                self._scroll()
                return True
        return False

    @property
    def all_assigned_done(self) -> bool:
        return bool(self.assigned) and all(a.done for a in self.assigned)

    def _scroll(self) -> None:
        self.top = max(0, min(self.index, max(self.top, self.index - VISIBLE + 1)))
        self.top = min(self.top, self.index)

    def resume_title(self) -> str | None:
        if not self.saved:
            return None
        try:
            return self.ctx.library.get(str(self.saved.get("scenario"))).title
        except KeyError:
            return None

    # -- actions -----------------------------------------------------------------------------------

    def start(self, scenario: Scenario | None = None) -> None:
        scenario = scenario or self.current
        if scenario is None:
            return
        if self.ctx.profile and self.saved:
            try:
                self.ctx.progress.discard_autosave(self.ctx.profile)
            except PROGRESS_ERRORS as exc:
                self.ctx.notify(str(exc))
        rubric = self.ctx.library.rubric_for(scenario)
        self.emit(Replace(SceneKind.PLAY, {"scenario": scenario, "rubric": rubric}))

    def resume_play(self) -> None:
        if not self.saved:
            return
        try:
            scenario = self.ctx.library.get(str(self.saved.get("scenario")))
            rubric = self.ctx.library.rubric_for(scenario)
            Session.from_json(self.saved, scenario, rubric)  # a damaged save is caught here, on select
        except (KeyError, SessionError) as exc:
            self.ctx.notify(f"이어 하기를 불러올 수 없습니다: {exc}")
            self.saved = None
            return
        self.emit(Replace(SceneKind.PLAY, {"scenario": scenario, "rubric": rubric, "saved": self.saved}))

    def _buttons(self) -> list[Button]:
        x, _y, _w, _h = SIDE
        t = self.ctx.t
        mode = t(f"mode.{self.ctx.mode}")
        fixed = self.ctx.onboarding is not None
        buttons = [
            Button(
                (x, 644, 200, 60),
                t("select.mode_fixed" if fixed else "select.mode", mode=mode),
                "mode",
                enabled=not fixed,
            ),
            Button((x + 216, 644, 200, 60), t("title.settings") + " (S)", "settings"),
        ]
        title = self.resume_title()
        if title:
            buttons.append(Button((16, 644, 816, 60), t("select.resume", title=title), "resume"))
        return buttons

    def reload(self) -> None:
        """F5: the scenario files again; the focused scenario stays focused if it is still there."""
        errors = self.ctx.reload()
        if errors:
            self.emit(Push(SceneKind.RELOAD_ERRORS, {"errors": errors}))
            return
        current = self.current
        self.refresh()
        self.category, self.index, self.top = min(self.category, len(self.tabs) - 1), 0, 0
        if current is not None:
            self.select(current.id)
        self.ctx.notify(self.ctx.t("reload.done", n=len(self.ctx.library.scenarios)))

    def process_event(self, event: pygame.event.Event) -> None:
        count = len(self.in_category())
        tabs = len(self.tabs)
        if event.type == pygame.KEYDOWN:
            key = event.key
            if key == pygame.K_F5:
                self.reload()
                return
            if key == pygame.K_LEFT:
                self.category, self.index, self.top = (self.category - 1) % tabs, 0, 0
            elif key == pygame.K_RIGHT:
                self.category, self.index, self.top = (self.category + 1) % tabs, 0, 0
            elif key == pygame.K_UP and count:
                self.index = (self.index - 1) % count
            elif key == pygame.K_DOWN and count:
                self.index = (self.index + 1) % count
            elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.start()
            elif key == pygame.K_r and event.mod & pygame.KMOD_CTRL:
                self.resume_play()
            else:
                self._action({pygame.K_m: "mode", pygame.K_s: "settings", pygame.K_ESCAPE: "back"}.get(key))
            self._scroll()
        elif event.type == pygame.MOUSEWHEEL and count:
            self.index = max(0, min(count - 1, self.index - event.y))
            self._scroll()
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            pos = self.ctx.layout.to_design(event.pos)
            for i in range(tabs):
                if contains(self._tab_rect(i), pos):
                    self.category, self.index, self.top = i, 0, 0
                    return
            for slot in range(VISIBLE):
                index = self.top + slot
                if index < count and contains(self._row_rect(slot), pos):
                    if index == self.index:
                        self.start()
                    self.index = index
                    return
            if contains(self._start_rect(), pos):
                self.start()
                return
            for button in self._buttons():
                if button.enabled and contains(button.rect, pos):
                    self._action(button.action)
                    return

    def _action(self, action: str | None) -> None:
        if action == "mode" and self.ctx.onboarding is None:
            self.ctx.mode = "exam" if self.ctx.mode == "practice" else "practice"
        elif action == "settings":
            self.emit(Push(SceneKind.SETTINGS))
        elif action == "resume":
            self.resume_play()
        elif action == "back":
            self.ctx.profile = None  # on a shared PC the next trainee picks their own
            self.emit(Replace(SceneKind.TITLE))

    # -- drawing -----------------------------------------------------------------------------------

    def _tab_rect(self, i: int) -> tuple[float, float, float, float]:
        x, _y, w, _h = LIST
        gap = 12
        width = (w - gap * (len(self.tabs) - 1)) / len(self.tabs)
        return (x + i * (width + gap), 68, width, 48)

    def _row_rect(self, slot: int) -> tuple[float, float, float, float]:
        x, y, w, _ = LIST
        return (x, y + slot * (ROW_H + 4), w, ROW_H)

    def _start_rect(self) -> tuple[float, float, float, float]:
        x, y, w, _h = SIDE
        return (x + 20, y + 246, w - 40, 54)

    def row_status(self, scenario: Scenario) -> Assigned | None:
        """The session standing, shown in the assigned tab only."""
        if self.tabs[self.category] != ASSIGNED:
            return None
        return next((a for a in self.assigned if a.scenario_id == scenario.id), None)

    def row_detail(self, scenario: Scenario) -> str:
        t = self.ctx.t
        stars = "★" * scenario.difficulty + "☆" * (3 - scenario.difficulty)
        parts = [t(f"type.{scenario.customer.type}"), f"{t('select.difficulty')} {stars}"]
        status = self.row_status(scenario)
        if status is not None:  # this session's attempts only
            standing = [t("select.assigned_done" if status.done else "select.assigned_todo")]
            if status.passed:
                standing.append(t("select.passed"))
            if status.best is not None:
                standing.append(t("select.best", score=f"{status.best:.0f}"))
            return " · ".join(standing + parts)
        stats = self.stats.get(scenario.id)
        if stats is None or not stats.attempts:
            parts.append(t("select.no_best"))
        else:
            if stats.best is not None:
                parts.append(t("select.best", score=f"{stats.best:.0f}"))
            if stats.passed:
                parts.append(t("select.passed"))
            parts.append(t("select.attempts", n=stats.attempts))
        return " · ".join(parts)

    def draw(self, surface: pygame.Surface) -> None:
        ctx, th = self.ctx, self.ctx.theme
        surface.fill(th.background)
        session = ctx.onboarding
        if session is None:
            heading, size, right = ctx.t("select.title"), 28, (520, 12, 312, 44)
        else:  # the session's name in place of the screen title, its date beside the profile
            heading, size, right = session.name, 22, (476, 12, 356, 44)
        draw_text(
            ctx, surface, heading, (16, 12, right[0] - 24, 44), size, th.text, bold=True, valign="middle"
        )
        aside = [session.date.isoformat()] if session is not None else []
        if ctx.profile:
            aside.append(ctx.t("select.profile", name=ctx.profile))
        if aside:
            draw_text(ctx, surface, " · ".join(aside), right, 18, th.text_dim, align="right", valign="middle")
        for i, category in enumerate(self.tabs):
            active = i == self.category
            rect = self._tab_rect(i)
            draw_panel(ctx, surface, rect, th.accent if active else th.panel_alt, th.border, radius=10)
            draw_text(
                ctx,
                surface,
                ctx.t(f"category.{category}"),
                rect,
                20,
                th.on_accent if active else th.text,
                bold=active,
                align="center",
                valign="middle",
            )
        scenarios = self.in_category()
        if not scenarios:
            draw_text(
                ctx,
                surface,
                ctx.t("select.empty"),
                (LIST[0] + 20, LIST[1] + 20, LIST[2] - 40, 60),
                20,
                th.text_dim,
            )
        for slot in range(VISIBLE):
            index = self.top + slot
            if index >= len(scenarios):
                break
            scenario = scenarios[index]
            rect = self._row_rect(slot)
            focused = index == self.index
            draw_panel(
                ctx,
                surface,
                rect,
                th.panel_alt if focused else th.panel,
                th.focus if focused else th.border,
                width=3 if focused else 1,
            )
            x, y, w, _h = rect
            numbered = self.tabs[self.category] == ASSIGNED
            draw_text(
                ctx,
                surface,
                f"{index + 1}. {scenario.title}" if numbered else scenario.title,
                (x + 20, y + 10, w - 40, 40),
                22,
                th.text,
                bold=True,
                valign="middle",
            )
            draw_text(
                ctx,
                surface,
                self.row_detail(scenario),
                (x + 20, y + 52, w - 40, 34),
                17,
                th.text_dim,
                valign="middle",
            )
        if self.top > 0 or self.top + VISIBLE < len(scenarios):
            draw_text(
                ctx,
                surface,
                f"{self.index + 1} / {len(scenarios)}",
                (LIST[0], 628, LIST[2], 14),
                12,
                th.text_dim,
                align="right",
            )
        self._draw_side(surface)
        for button in self._buttons():
            button.draw(ctx, surface, size=18)
        draw_text(
            ctx,
            surface,
            ctx.t("select.hint_session" if ctx.onboarding is not None else "select.hint"),
            (848, 16, 416, 40),
            13,
            th.text_dim,
            align="right",
            valign="middle",
        )

    def _draw_side(self, surface: pygame.Surface) -> None:
        ctx, th = self.ctx, self.ctx.theme
        x, y, w, h = SIDE
        draw_panel(ctx, surface, SIDE, th.panel, th.border)
        scenario = self.current
        if scenario is not None:
            blocks = [Block(scenario.title, 20, th.text, bold=True)]
            mark = ctx.pass_mark_for(scenario)
            if mark is not None:
                blocks.append(Block(ctx.t("select.pass_mark", mark=f"{mark:g}"), 15, th.accent, gap=6))
            if scenario.description:
                blocks.append(Block(scenario.description, 15, th.text_dim, gap=6))
            draw_blocks(ctx, surface, (x + 20, y + 16, w - 40, 222), blocks)
            label = ctx.t("select.start", mode=ctx.t(f"mode.{ctx.mode}"))
            start = Button(self._start_rect(), label, "start")
            start.draw(ctx, surface, focused=True, size=19)
        blocks = []
        if self.all_assigned_done:
            blocks.append(Block(ctx.t("select.assigned_all_done"), 16, th.good, bold=True, gap=0))
        blocks.append(Block(ctx.t("select.recommend"), 18, th.accent, bold=True, gap=10 if blocks else 0))
        if not self.recommendations:
            blocks.append(Block(ctx.t("select.no_recommend"), 15, th.text_dim, gap=6))
        for rec in self.recommendations[:3]:
            try:
                title = ctx.library.get(rec.scenario_id).title
            except KeyError:
                continue
            blocks.append(Block(f"· {title}", 16, th.text, bold=True, gap=8))
            blocks.append(Block(rec.reason, 14, th.text_dim, indent=12, gap=2))
        if not ctx.persistent:
            blocks.append(Block(ctx.t("select.no_saves"), 14, th.warn, gap=10))
        draw_blocks(ctx, surface, (x + 20, y + 316, w - 40, h - 332), blocks)
