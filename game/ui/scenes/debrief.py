"""The debrief: score and pass/fail, the profile over 3S/KASH/complaint, the mood line, every decision.

It shows the ``Result`` the engine computed; nothing here scores. The decision list scrolls (↑↓ or the
wheel) and only whole entries are drawn, so a long play never cuts a sentence in half.

In an onboarding session "next" follows the trainer's set: the next assigned scenario not done yet,
and once the set is done, the title screen for the next trainee at this PC.
"""

from __future__ import annotations

import pygame

from game.engine.scoring import Decision, Result
from game.engine.session import Session
from game.scenario.model import Scenario
from game.scenario.rubric import Rubric
from game.ui.assignment import assignment, next_assigned
from game.ui.context import PROGRESS_ERRORS, Context
from game.ui.scene import Scene
from game.ui.transitions import Replace, Reset, SceneKind
from game.ui.widgets.button import Button, Menu
from game.ui.widgets.charts import draw_bars, draw_mood
from game.ui.widgets.panel import draw_panel
from game.ui.widgets.text import Block, draw_blocks, draw_line, draw_text, measure

LEFT = (16, 64, 400, 570)
MIDDLE = (432, 64, 400, 570)
RIGHT = (848, 64, 416, 570)


class DebriefScene(Scene):
    name = "debrief"
    notice_area = (848, 2, 416, 56)  # the title stops short of it

    def __init__(
        self, ctx: Context, scenario: Scenario, rubric: Rubric, session: Session, result: Result
    ) -> None:
        super().__init__(ctx)
        self.scenario = scenario
        self.rubric = rubric
        self.session = session
        self.result = result
        self.scroll = 0
        self.next_assigned = self._next_assigned()
        self._build()

    def _next_assigned(self) -> str | None:
        """The session's next scenario for this trainee (None: the set is done, or no session)."""
        session, profile = self.ctx.onboarding, self.ctx.profile
        if session is None:
            return None
        try:
            attempts = self.ctx.progress.attempts(profile) if profile else []
        except PROGRESS_ERRORS as exc:
            self.ctx.notify(str(exc))
            attempts = []
        return next_assigned(assignment(session, attempts), after=self.scenario.id)

    def _next_label(self) -> str:
        if self.ctx.onboarding is None:
            return "debrief.next"
        return "debrief.next_assigned" if self.next_assigned else "debrief.next_trainee"

    def _build(self) -> None:
        t = self.ctx.t
        self.menu = Menu(
            [
                Button((16, 648, 300, 56), t("debrief.retry"), "retry"),
                Button((332, 648, 300, 56), t(self._next_label()), "next"),
                Button((964, 648, 300, 56), t("debrief.menu"), "menu"),
            ],
            focus=getattr(getattr(self, "menu", None), "focus", 0),
        )

    def resume(self) -> None:
        self._build()

    def _title(self, obj, field: str = "title") -> str:
        english = self.ctx.strings.lang == "en"
        return (
            getattr(obj, f"{field}_en", "")
            if english and getattr(obj, f"{field}_en", "")
            else getattr(obj, field)
        )

    def next_scenario(self) -> Scenario:
        """The session's next assigned scenario, else the first recommendation that is not this
        scenario, else the next one in the library."""
        library = self.ctx.library
        if self.next_assigned is not None and any(s.id == self.next_assigned for s in library.scenarios):
            return library.get(self.next_assigned)
        try:
            recommendations = self.ctx.progress.recommendations(self.ctx.profile) if self.ctx.profile else []
        except PROGRESS_ERRORS as exc:
            self.ctx.notify(str(exc))
            recommendations = []
        for rec in recommendations:
            if rec.scenario_id != self.scenario.id:
                try:
                    return library.get(rec.scenario_id)
                except KeyError:
                    continue
        ids = [s.id for s in library.scenarios]
        index = ids.index(self.scenario.id) if self.scenario.id in ids else -1
        return library.scenarios[(index + 1) % len(library.scenarios)] if library.scenarios else self.scenario

    def process_event(self, event: pygame.event.Event) -> None:
        action = None
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_UP:
                self.scroll = max(0, self.scroll - 1)
                return
            if event.key == pygame.K_DOWN:
                self.scroll = min(max(0, len(self.result.decisions) - 1), self.scroll + 1)
                return
            action = {pygame.K_r: "retry", pygame.K_n: "next", pygame.K_ESCAPE: "menu"}.get(event.key)
        elif event.type == pygame.MOUSEWHEEL:
            self.scroll = max(0, min(len(self.result.decisions) - 1, self.scroll - event.y))
            return
        if action is None:
            button = self.menu.handle(self.ctx, event)
            action = button.action if button else None
        if action == "retry":
            self.emit(Replace(SceneKind.PLAY, {"scenario": self.scenario, "rubric": self.rubric}))
        elif action == "next" and self.ctx.onboarding is not None and self.next_assigned is None:
            self.ctx.profile = None  # the set is done: the PC goes to the next trainee
            self.emit(Reset(SceneKind.TITLE))
        elif action == "next":
            nxt = self.next_scenario()
            self.emit(Replace(SceneKind.PLAY, {"scenario": nxt, "rubric": self.ctx.library.rubric_for(nxt)}))
        elif action == "menu":
            self.emit(Reset(SceneKind.SELECT))

    # -- drawing -----------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        ctx, th = self.ctx, self.ctx.theme
        surface.fill(th.background)
        draw_text(
            ctx,
            surface,
            f"{ctx.t('debrief.title')} — {self._title(self.scenario)}",
            (16, 12, 816, 40),
            24,
            th.text,
            bold=True,
            valign="middle",
        )
        for rect in (LEFT, MIDDLE, RIGHT):
            draw_panel(ctx, surface, rect, th.panel, th.border)
        self._draw_summary(surface)
        self._draw_charts(surface)
        self._draw_decisions(surface)
        self.menu.draw(ctx, surface)

    def _draw_summary(self, surface: pygame.Surface) -> None:
        ctx, th, r = self.ctx, self.ctx.theme, self.result
        x, y, w, h = LEFT
        draw_text(
            ctx,
            surface,
            ctx.t("debrief.score", score=f"{r.overall:.0f}"),
            (x + 24, y + 14, 220, 84),
            60,
            th.text,
            bold=True,
            valign="middle",
        )
        badge = (x + w - 150, y + 34, 126, 46)
        draw_panel(ctx, surface, badge, th.good if r.passed else th.bad, None, radius=23)
        draw_text(
            ctx,
            surface,
            ctx.t("debrief.pass" if r.passed else "debrief.fail"),
            badge,
            21,
            th.on_status,
            bold=True,
            align="center",
            valign="middle",
        )
        draw_blocks(ctx, surface, (x + 24, y + 108, w - 48, h - 124), self.summary_blocks())

    def summary_blocks(self) -> list[Block]:
        """Under the score: the pass mark, the ending and what decided the verdict."""
        ctx, th, r = self.ctx, self.ctx.theme, self.result
        blocks = [Block(ctx.t("debrief.pass_mark", mark=f"{r.pass_mark:g}"), 16, th.text_dim)]
        ending = self.session.node.ending
        if r.ending:
            outcome = ctx.t(f"outcome.{r.ending}")
            # An unresolved ending the author marked acceptable (an abusive call ended by process and
            # handed over) is the right close: said so, or "상급자에게 이관" reads as a failure.
            right = ending is not None and ending.acceptable and not ending.resolved and r.passed
            key = "debrief.ending_right" if right else "debrief.ending"
            blocks.append(Block(ctx.t(key, ending=outcome), 20, th.accent, bold=True, gap=16))
        if ending is not None and ending.summary:
            blocks.append(Block(ending.summary, 17, th.text, gap=6))
        if ending is not None and not ending.resolved and not ending.acceptable and ending.outcome != "lost":
            blocks.append(Block(ctx.t("debrief.unresolved"), 17, th.bad, bold=True, gap=14))
        if r.blockers:
            names = ", ".join(self._title(self.rubric.principles[b]) for b in r.blockers)
            blocks.append(Block(ctx.t("debrief.blockers", names=names), 17, th.bad, bold=True, gap=14))
        if r.missing:
            names = ", ".join(self._title(self.rubric.principles[p]) for p in r.missing)
            blocks.append(Block(ctx.t("debrief.required", names=names), 17, th.bad, bold=True, gap=14))
        complaint = r.complaint
        procedure = self.rubric.complaint
        # The steps are shown where the complaint procedure was assessed in this play; elsewhere
        # (a greeting, an order) "빠진 단계" listed every step beside 처리 절차 "평가 안 됨".
        assessed = procedure is not None and any(r.dimensions.get(d) is not None for d in procedure.in_order)
        if complaint and procedure is not None and assessed:
            titles = procedure.step_titles
            steps = " ▶ ".join(titles.get(s, s) for s in complaint.get("steps", [])) or "—"
            blocks.append(Block(ctx.t("debrief.steps", steps=steps), 16, th.text, gap=14))
            missing = complaint.get("missing", [])
            if missing:
                names = ", ".join(titles.get(s, s) for s in missing)
                blocks.append(Block(ctx.t("debrief.missing", steps=names), 16, th.warn, gap=4))
        return blocks

    def _draw_charts(self, surface: pygame.Surface) -> None:
        ctx, th, r = self.ctx, self.ctx.theme, self.result
        x, y, w, _h = MIDDLE
        draw_text(
            ctx, surface, ctx.t("debrief.dimensions"), (x + 20, y + 12, w - 40, 30), 18, th.text, bold=True
        )
        groups = []
        for fw in self.rubric.frameworks.values():
            bars = [
                (self._title(d), r.dimensions.get(d.id))
                for d in self.rubric.dimensions.values()
                if d.framework == fw.id
            ]
            total = r.frameworks.get(fw.id)
            heading = f"{self._title(fw)}  {total:.0f}" if total is not None else self._title(fw)
            groups.append((heading, bars))
        draw_bars(ctx, surface, (x + 20, y + 48, w - 40, 330), groups)
        draw_text(ctx, surface, ctx.t("debrief.mood"), (x + 20, y + 392, w - 40, 28), 17, th.text, bold=True)
        draw_mood(ctx, surface, (x + 20, y + 426, w - 40, 128), r.mood_trace)

    def entry_blocks(self, index: int) -> list[Block]:
        ctx, th = self.ctx, self.ctx.theme
        d = self.result.decisions[index]
        mark = "○" if d.is_best else "×"
        said = marked_reply(d, self.rubric) if d.typed else d.say
        blocks = [Block(f"{index + 1}. {mark} {said}", 16, th.good if d.is_best else th.bad, bold=True)]
        if d.typed:
            blocks.extend(self._typed_blocks(d))
        if d.right_but_late:
            blocks.append(Block(ctx.t("debrief.right_but_late"), 15, th.text, indent=18, gap=3))
        elif not d.is_best:
            blocks.append(Block(ctx.t("debrief.better", say=d.best_say), 15, th.text, indent=18, gap=3))
        if not d.is_best:
            blocks.extend(Block(f"· {f}", 14, th.text_dim, indent=18, gap=2) for f in d.feedback)
        return blocks

    def _typed_blocks(self, d: Decision) -> list[Block]:
        """A typed reply's verdict and each judged span: what the words did, in the words themselves."""
        ctx, th = self.ctx, self.ctx.theme
        out = []
        if d.outcome:
            out.append(
                Block(
                    ctx.t("debrief.typed_outcome", outcome=ctx.t(f"typed.{d.outcome}")),
                    14,
                    th.text,
                    indent=18,
                    gap=3,
                )
            )
        rules = {r.id: r for r in self.rubric.wording}
        for f in d.chosen.findings:
            rule = rules.get(f.rule or "")
            if rule is None:
                continue
            principle = self.rubric.principles[rule.principle]
            sign, colour = ("×", th.bad) if rule.harmful else ("○", th.good)
            out.append(Block(f"{sign} {f.text} — {principle.title}", 14, colour, indent=30, gap=1))
        return out

    def _draw_decisions(self, surface: pygame.Surface) -> None:
        ctx, th = self.ctx, self.ctx.theme
        x, y, w, h = RIGHT
        draw_text(
            ctx, surface, ctx.t("debrief.decisions"), (x + 20, y + 12, w - 40, 30), 18, th.text, bold=True
        )
        top, bottom, width = y + 50, y + h - 30, w - 40
        shown = self.scroll
        for index in range(self.scroll, len(self.result.decisions)):
            blocks = self.entry_blocks(index)
            need = sum(b.gap + measure(ctx, b.text, width - b.indent, b.size, b.bold) for b in blocks)
            if top + need > bottom:
                if index == self.scroll:  # one entry taller than the panel: shrink it to fit
                    draw_blocks(ctx, surface, (x + 20, top, width, bottom - top), blocks)
                    shown = index + 1
                break
            draw_blocks(ctx, surface, (x + 20, top, width, need + 2), blocks)
            top += need + 12
            shown = index + 1
        more = []
        if self.scroll > 0:
            more.append("▲")
        if shown < len(self.result.decisions):
            more.append("▼")
        if more:
            draw_line(
                ctx, surface, " ".join(more), (x + w - 20, y + h - 8), 15, th.text_dim, anchor="bottomright"
            )


def marked_reply(decision: Decision, rubric: Rubric) -> str:
    """The typed reply with each judged span bracketed: 【harm】, 「what earned points」."""
    text = decision.say
    rules = {r.id: r for r in rubric.wording}
    spans = []
    for f in decision.chosen.findings:
        rule = rules.get(f.rule or "")
        if rule is not None and f.end <= len(text) and text[f.start : f.end] == f.text:
            spans.append((f.start, f.end, rule.harmful))
    kept: list[tuple[int, int, bool]] = []
    for start, end, harmful in sorted(spans, key=lambda s: (s[0], -s[1])):
        if all(end <= a or start >= b for a, b, _ in kept):
            kept.append((start, end, harmful))
    for start, end, harmful in sorted(kept, reverse=True):
        left, right = ("【", "】") if harmful else ("「", "」")
        text = text[:start] + left + text[start:end] + right + text[end:]
    return text
