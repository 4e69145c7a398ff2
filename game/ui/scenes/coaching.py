"""Practice mode's coaching after each choice: the reaction, the effect, the principle, the better option.

Everything shown comes from the ``Decision`` the engine returned (``chosen.effects``, ``feedback``,
``best_say``, ``is_best``, lateness); the panel only arranges it. Undo takes the choice back.
"""

from __future__ import annotations

import pygame

from game.engine.scoring import Decision
from game.scenario.model import SpokenLine
from game.scenario.rubric import Rubric
from game.ui.canvas import CANVASES
from game.ui.context import Context
from game.ui.scene import Scene
from game.ui.transitions import UNDO, Pop
from game.ui.widgets.button import Button, Menu
from game.ui.widgets.panel import Veil, draw_panel
from game.ui.widgets.text import Block, draw_blocks, measure

PANEL = (110, 40, 1060, 640)


def effect_lines(ctx: Context, decision: Decision, rubric) -> list[str]:
    """'3S: 스마일 +2 · 스피드 -2' per framework, in the rubric's order, only non-zero effects."""
    english = ctx.strings.lang == "en"
    lines = []
    for fw in rubric.frameworks.values():
        parts = []
        for dim in rubric.dimensions.values():
            value = decision.chosen.effects.get(dim.id, 0.0)
            if dim.framework == fw.id and value:
                title = dim.title_en if english and dim.title_en else dim.title
                parts.append(f"{title} {value:+g}")
        if parts:
            name = fw.title_en if english and fw.title_en else fw.title
            lines.append(f"{name}: " + " · ".join(parts))
    return lines


class CoachingScene(Scene):
    """The coaching card over the frozen play. Nothing beneath it moves while it is up (only the top
    scene is updated), so once drawn the whole picture is kept and blitted: the card then covers the
    window (``opaque``) and the play beneath is not drawn again until something on the card changes."""

    name = "coaching"

    def __init__(
        self, ctx: Context, rubric: Rubric, decision: Decision, reaction: str, line: SpokenLine | None
    ) -> None:
        super().__init__(ctx)
        self.rubric = rubric
        self.decision = decision
        self.reaction = reaction
        self.veil = Veil()
        self._picture: pygame.Surface | None = None  # the last whole frame drawn, play beneath included
        self._picture_key: tuple | None = None
        x, y, w, h = PANEL
        self.menu = Menu(
            [
                Button((x + w - 300, y + h - 76, 270, 56), ctx.t("coach.continue"), "continue"),
                Button((x + 30, y + h - 76, 270, 56), ctx.t("coach.undo"), "undo"),
            ]
        )
        self._place()
        if line is not None:
            ctx.speech.say([line])

    def process_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_BACKSPACE:
            self._undo()
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self._continue()
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r:
            self.ctx.speech.replay()
            return
        button = self.menu.handle(self.ctx, event)
        if button is not None:
            self._undo() if button.action == "undo" else self._continue()

    def _continue(self) -> None:
        self.ctx.speech.stop()
        self.emit(Pop())

    def _undo(self) -> None:
        self.ctx.speech.stop()
        self.emit(Pop(UNDO))

    def blocks(self) -> list[Block]:
        ctx, th, d = self.ctx, self.ctx.theme, self.decision
        out = [
            Block(
                ctx.t("coach.best")
                if d.is_best
                else ctx.t("coach.right_but_late")
                if d.right_but_late
                else ctx.t("coach.miss"),
                28,
                th.good if d.is_best else th.bad,
                bold=True,
            ),
            Block(f"“{d.say}”", 19, th.text_dim, gap=6),
        ]
        if d.lateness in ("late", "very_late") and d.time_limit:
            out.append(
                Block(
                    ctx.t("coach.late", s=f"{d.seconds:.1f}", limit=f"{d.time_limit:g}"), 18, th.warn, gap=8
                )
            )
        if self.reaction:
            out += [
                Block(ctx.t("coach.reaction"), 17, th.accent, bold=True, gap=16),
                Block(self.reaction, 21, th.text, gap=4),
            ]
        effects = effect_lines(ctx, d, self.rubric)
        out.append(Block(ctx.t("coach.effects"), 17, th.accent, bold=True, gap=16))
        out.append(Block("\n".join(effects) or ctx.t("coach.no_effects"), 19, th.text, gap=4))
        if d.feedback:
            out.append(Block(ctx.t("coach.principles"), 17, th.accent, bold=True, gap=16))
            out.extend(Block(f"· {line}", 19, th.text, gap=4, indent=8) for line in d.feedback)
        if not d.is_best and not d.right_but_late:
            out += [
                Block(ctx.t("coach.better"), 17, th.good, bold=True, gap=16),
                Block(f"“{d.best_say}”", 21, th.text, gap=4),
            ]
        return out

    def panel(self, blocks: list[Block]) -> tuple[float, float, float, float]:
        """As tall as the coaching needs (up to the whole window), centred; buttons at its foot."""
        x, _, w, most = PANEL
        need = sum(b.gap + measure(self.ctx, b.text, w - 60 - b.indent, b.size, b.bold) for b in blocks)
        h = max(300.0, min(most, need + 130))
        return (x, (self.ctx.layout.design_height - h) / 2, w, h)

    @property
    def opaque(self) -> bool:  # type: ignore[override]
        return self._picture is not None and self._picture_key == self._key()

    def _key(self) -> tuple:
        """Everything the picture shows that can change while the card is up."""
        ctx = self.ctx
        return (
            ctx.layout,
            ctx.theme.name,
            ctx.settings.font_scale,
            ctx.strings.lang,
            self.rect,
            tuple((b.rect, b.label, b.enabled) for b in self.menu.buttons),
            self.menu.focus,
        )

    def draw(self, surface: pygame.Surface) -> None:
        key = self._key()
        picture = self._picture
        if picture is not None and self._picture_key == key and picture.get_size() == surface.get_size():
            surface.blit(picture, (0, 0))
            return
        self._paint(surface)
        picture = self._picture = CANVASES.fit(picture, surface)
        picture.blit(surface, (0, 0))
        self._picture_key = key

    def close(self) -> None:
        CANVASES.give(self._picture)
        self._picture = None

    def _paint(self, surface: pygame.Surface) -> None:
        ctx, th = self.ctx, self.ctx.theme
        self.veil.draw(surface, th.shade)
        blocks = self.blocks()
        x, y, w, h = self.rect
        draw_panel(ctx, surface, self.rect, th.panel, th.border)
        draw_blocks(ctx, surface, (x + 30, y + 22, w - 60, h - 120), blocks)
        self.menu.draw(ctx, surface, size=19)

    def update(self, dt: float) -> None:
        self._place()

    def _place(self) -> None:
        """Size the panel to its content (the font scale or window may have changed) and seat the buttons."""
        self.rect = self.panel(self.blocks())
        _, y, _, h = self.rect
        for button in self.menu.buttons:
            bx, _, bw, bh = button.rect
            button.rect = (bx, y + h - 76, bw, bh)
