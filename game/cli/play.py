"""`eungdae play`: the game, or (with --autoplay) a headless drive through its real screens.

Progress is saved under ``--saves DIR``, else ``$EUNGDAE_SAVES``, else ``<project>/saves`` in a source
checkout or the user data folder when installed (``game.paths``), through
``game.progress.store.ProgressStore``; if that store cannot be imported or opened the game still runs,
keeping progress in memory for the session, and says so on the select screen. Autoplay never touches a
trainee's saves unless ``--saves`` is given.

``--session FILE`` plays a trainer's onboarding session (``game.progress.sessions``): its set comes
first on the select screen, its mode is fixed, its pass mark applies to its scenarios, and attempts are
tagged with its name. Trainees take turns on one PC: after one finishes the set (or presses Esc on the
select screen), the title screen is back for the next to pick or create a profile.

The plain start (``python main.py``: no scenario id, profile, session or autoplay) opens on the title
screen, which does not need the scenarios, so the library is read on a worker thread right after that
first frame is on screen (``game.ui.library_load``); a trainee quicker than the load waits on
"불러오는 중…". Its diagnostics are printed as they always are (``path:line:col: error: …``) when the
load finishes, and if no scenario could be loaded the window closes and the exit code is 1, as before
(there is no pre-check: it would read every file a second time). The voice and the sound effects open
(``game.voice``, the mixer) when a play first needs them. The other starts need the library up front
and load it before the window opens.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.cli.arguments import numbers, steps

if TYPE_CHECKING:
    from game.scenario.library import Library

DEFAULT_PROFILE = "연습생"
#: Headless play finished but its attempt could not be saved (a read-only or full saves folder).
EXIT_NOT_SAVED = 3
#: For benchmarks: print ``ready`` once the first interactive frame is on screen, then exit (0).
EXIT_AFTER_FIRST_FRAME = "EUNGDAE_EXIT_AFTER_FIRST_FRAME"


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, e.g. 1280x720, got '{text}'") from None
    if width < 320 or height < 240:
        raise argparse.ArgumentTypeError("the window must be at least 320x240")
    return width, height


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("play", help="게임 실행 (시나리오 ID를 주면 바로 시작)")
    p.add_argument("scenario", nargs="?", help="scenario id or file (.yaml) to start at once")
    p.add_argument(
        "--from", dest="from_node", metavar="NODE", help="start the scenario at this node (not recorded)"
    )
    p.add_argument("--profile", help="profile name (created if new)")
    p.add_argument("--mode", choices=("practice", "exam"), help="default: practice (or the session's)")
    p.add_argument(
        "--session", help="a trainer's onboarding session file (YAML), e.g. scenarios/sessions/x.yaml"
    )
    p.add_argument("--fullscreen", action="store_true")
    p.add_argument("--lang", choices=("ko", "en"), help="interface language for this run")
    p.add_argument(
        "--autoplay",
        type=steps,
        help="headless: option numbers (authored order unless --seed) or ids, e.g. 2,1,3 or greet,1,close",
    )
    p.add_argument(
        "--seed", type=int, help="show the options in the order of an attempt with this seed (default: fresh)"
    )
    p.add_argument("--seconds", type=numbers(float), help="autoplay response times, e.g. 1.5,4,2")
    p.add_argument("--screenshots", type=Path, help="autoplay: save a PNG of each screen here")
    p.add_argument("--saves", type=Path, help="progress folder (default: $EUNGDAE_SAVES or saves/)")
    p.add_argument("--size", type=_size, default=(1280, 720), help="window size, e.g. 1024x576")
    p.add_argument(
        "--scenarios", action="append", help="scenario folders or files to add to the built-in library"
    )
    p.set_defaults(func=cmd_play)


def saves_dir(args: argparse.Namespace) -> Path:
    """``--saves``, else ``$EUNGDAE_SAVES``, else the checkout's ``saves/`` or the user data folder."""
    from game.paths import places

    return places(args.saves).saves


def open_progress(path: Path, library: Library | None, onboarding: str | None = None):
    """(progress, persistent): the save store, or memory for this run if the store is unavailable."""
    from game.ui.memory_progress import MemoryProgress

    try:
        from game.progress.store import ProgressStore
    except ImportError:
        return MemoryProgress(onboarding), False
    try:
        return ProgressStore(path, library, onboarding=onboarding), True
    except (OSError, ValueError) as exc:
        print(f"warning: progress cannot be saved in {path}: {exc}", file=sys.stderr)
        return MemoryProgress(onboarding), False


#: How long a closing game gives the background xAPI sender to finish (the outbox keeps the rest).
SENDER_EXIT_WAIT = {"window": 5.0, "headless": 20.0}


def lrs_sender(progress, persistent: bool, library):
    """The class's LRS sender when one is set for this machine (``game.progress.xapi.config``), else None.

    It is hooked to the store so each recorded attempt is sent in the background; a problem with the
    settings is a warning, never a reason not to play."""
    if not persistent:
        return None
    from game.progress.xapi.config import for_this_machine

    settings = for_this_machine()
    for warning in settings.warnings:
        print(f"warning: xAPI: {warning}", file=sys.stderr)
    problem = settings.problem
    if problem is None and settings.configured:
        from game.progress.xapi.push import EndpointError, check_endpoint  # http.client: only when needed

        try:
            check_endpoint(settings.endpoint or "", insecure=settings.insecure)
        except EndpointError as exc:
            problem = str(exc)
        if problem is None and not settings.complete:
            problem = "EUNGDAE_LRS_USERNAME과 EUNGDAE_LRS_PASSWORD(또는 설정 파일)도 지정하세요."
    if problem is not None:
        print(f"warning: xAPI: {problem} 이번 실행에서는 LRS로 보내지 않습니다.", file=sys.stderr)
    if problem is not None or not settings.configured:
        return None
    from game.progress.xapi.sender import BackgroundSender

    sender = BackgroundSender(progress.saves_dir, settings, library)
    progress.on_recorded = sender.kick
    return sender


def _sender_done(sender, how: str) -> None:
    if sender is None:
        return
    if not sender.wait(SENDER_EXIT_WAIT[how]):
        print(
            "warning: xAPI: 전송을 끝내지 못해 나머지는 outbox에 두었습니다. 다음 실행 때 보냅니다.",
            file=sys.stderr,
        )
    elif sender.problem:
        print(f"warning: xAPI: {sender.problem} — outbox에 두었다가 다음 실행 때 보냅니다.", file=sys.stderr)


def load_onboarding(args: argparse.Namespace, library: Library):
    """(session or None, exit code or None): ``--session`` read and checked against the library."""
    if not args.session:
        return None, None
    from game.progress.sessions import load_session

    session, diagnostics = load_session(args.session, library)
    for diagnostic in diagnostics:
        print(diagnostic.format(), file=sys.stderr)
    if session is None:
        return None, 1
    if args.mode and args.mode != session.mode:
        print(
            f"error: --mode {args.mode} conflicts with the session, which is played in {session.mode} mode",
            file=sys.stderr,
        )
        return None, 2
    args.mode = session.mode
    return session, None


def check_from(args: argparse.Namespace, library: Library) -> str | None:
    """Why ``--from NODE`` cannot start (the scenario has no such node), or None."""
    import difflib

    nodes = list(library.get(args.scenario).nodes)
    if args.from_node in nodes:
        args.profile = args.profile or DEFAULT_PROFILE  # straight into the play; it is not recorded
        return None
    close = difflib.get_close_matches(args.from_node, nodes, n=1)
    hint = f" — did you mean '{close[0]}'?" if close else f" (nodes: {', '.join(nodes)})"
    return f"'{args.scenario}' has no node '{args.from_node}'{hint}"


def check_autoplay(args: argparse.Namespace, library: Library) -> str | None:
    """An error message if the drive cannot succeed, checked on the engine before any window opens."""
    from game.engine.session import SessionError, play

    if not args.scenario:
        return "--autoplay needs a scenario id: eungdae play ID --autoplay 2,1,3"
    scenario = library.get(args.scenario)
    if any(isinstance(n, int) and n < 1 for n in args.autoplay):
        return "choices are 1-based: use 1 for the first option"
    try:
        session = play(scenario, library.rubric_for(scenario), args.autoplay, args.seconds, seed=args.seed)
    except SessionError as exc:
        return str(exc)
    if not session.finished:
        return (
            f"the choices stop at node '{session.node.id}' before the scenario ends "
            f"({len(args.autoplay)} given): add the next choice"
        )
    return None


def cmd_play(args: argparse.Namespace) -> int:
    headless = args.autoplay is not None
    if headless:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ["SDL_AUDIODRIVER"] = "dummy"
    elif args.seconds or args.screenshots:
        print("error: --seconds and --screenshots go with --autoplay", file=sys.stderr)
        return 2
    if args.from_node and (not args.scenario or headless):
        why = "give the scenario: eungdae play ID --from NODE" if not args.scenario else "not with --autoplay"
        print(f"error: --from: {why}", file=sys.stderr)
        return 2
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.resources import with_builtin

    play_file = args.scenario if args.scenario and is_scenario_file(args.scenario) else None
    args.scenarios = with_builtin([*(args.scenarios or []), *([play_file] if play_file else [])])
    if not (headless or args.scenario or args.profile or args.session):
        args.onboarding, args.mode = None, args.mode or "practice"
        return run_game(args, None)

    from game.scenario.library import load_library

    library = load_library(args.scenarios)
    report_library(library)
    if play_file:
        found = scenario_in_file(library, play_file)
        if found is None:
            print(f"error: {play_file} could not be loaded (see the errors above)", file=sys.stderr)
            return 1
        args.scenario = found
    if args.scenario:
        try:
            library.get(args.scenario)
        except KeyError:
            known = ", ".join(s.id for s in library.scenarios) or "none"
            print(f"error: no scenario with id '{args.scenario}' (known: {known})", file=sys.stderr)
            return 1
    if args.from_node:
        problem = check_from(args, library)
        if problem:
            print(f"error: --from: {problem}", file=sys.stderr)
            return 1
    if not library.scenarios:
        return 1
    args.onboarding, problem = load_onboarding(args, library)
    if problem is not None:
        return problem
    args.mode = args.mode or "practice"
    if headless:
        problem = check_autoplay(args, library)
        if problem:
            print(f"error: autoplay: {problem}", file=sys.stderr)
            return 1
        return run_autoplay(args, library)
    return run_game(args, library)


def is_scenario_file(text: str) -> bool:
    """`play path/to/file.yaml` names a file; `play phone-late-delivery` an id (ids have no dots)."""
    return text.endswith((".yaml", ".yml")) or os.path.isfile(text)


def scenario_in_file(library: Library, path: str) -> str | None:
    """The id of the scenario loaded from ``path``, or None if that file did not load."""
    wanted = Path(path).resolve()
    return next((s.id for s in library.scenarios if Path(s.path).resolve() == wanted), None)


def report_library(library: Library) -> None:
    """The library's diagnostics on stderr, and the error if nothing could be loaded at all."""
    for diagnostic in library.errors:
        print(diagnostic.format(), file=sys.stderr)
    if not library.scenarios:
        print("error: no scenario could be loaded; run 'eungdae validate' to see why", file=sys.stderr)


def _context(args: argparse.Namespace, library: Library | None, progress, persistent: bool, voice: bool):
    """The scenes' context; the voice and effects (when ``voice``) open when a play first needs them,
    so only the display and fonts are started here."""
    import pygame

    from game.ui.context import PROGRESS_ERRORS, Context
    from game.ui.effects import DeferredEffects, SilentEffects
    from game.ui.settings import Settings
    from game.ui.speech import DeferredVoice, SilentSpeech

    pygame.display.init()
    pygame.font.init()
    problem = None
    try:
        settings = Settings.from_dict(progress.load_settings())
    except PROGRESS_ERRORS as exc:
        settings, problem = Settings(), f"설정을 읽지 못해 기본값을 씁니다: {exc}"
    if args.lang:
        settings.language = args.lang
    if args.fullscreen:
        settings.fullscreen = True
    speech = DeferredVoice(settings.voice_level) if voice else SilentSpeech()
    effects = DeferredEffects(settings.effects_level) if voice else SilentEffects()
    ctx = Context(
        library=library,
        progress=progress,
        settings=settings,
        speech=speech,
        effects=effects,
        mode=args.mode or "practice",
        persistent=persistent,
        onboarding=getattr(args, "onboarding", None),
        scenario_paths=args.scenarios,
        shuffle=args.autoplay is None,  # autoplay numbers count in authored order unless --seed
        seed=args.seed,
    )
    if problem:
        ctx.notify(problem)
    if persistent:
        problem = progress.write_problem()
        if problem:
            print(f"warning: {problem}", file=sys.stderr)
            ctx.notify(problem)
    if args.profile:
        name = args.profile.strip()
        try:
            _use_profile(progress, name)
        except PROGRESS_ERRORS as exc:
            print(f"error: {exc}", file=sys.stderr)
            return None
        ctx.profile = name
    return ctx


def _use_profile(progress, name: str) -> None:
    """Create the profile if it is new. Two windows may create the same new name at once: the one that
    loses the race (its create refused because the other's file now exists) uses the profile made."""
    if name in progress.profiles():
        return
    try:
        progress.create_profile(name)
    except ValueError:
        if name not in progress.profiles():
            raise


def _session_name(args: argparse.Namespace) -> str | None:
    return args.onboarding.name if args.onboarding is not None else None


def run_game(args: argparse.Namespace, library: Library | None) -> int:
    """The game's window; with no ``library`` yet, it is loaded in the background after the first frame."""
    from game.ui.app import App
    from game.ui.scenes.title_profile import TitleScene

    progress, persistent = open_progress(saves_dir(args), library, _session_name(args))
    ctx = _context(args, library, progress, persistent, voice=True)
    if ctx is None:
        return 1
    sender = lrs_sender(progress, persistent, lambda: ctx.library)
    if sender is not None and library is not None:
        sender.kick()  # what an earlier run could not send
    app = App(ctx, size=args.size)
    if ctx.profile is None:
        app.start(TitleScene(ctx, then=args.scenario))
    elif args.scenario:
        from game.ui.scenes.play import PlayScene

        assert library is not None
        scenario = library.get(args.scenario)
        app.start(PlayScene(ctx, scenario, library.rubric_for(scenario), start=args.from_node))
    else:
        from game.ui.scenes.select import SelectScene

        app.start(SelectScene(ctx))
    code = 0
    try:
        app.step(0.0)
        if os.environ.get(EXIT_AFTER_FIRST_FRAME):
            print("ready", flush=True)
            return 0
        from game.language.remote import start_in_background

        start_in_background()  # Kiwi for typed replies, in a helper process: never on the frame loop
        if library is None:
            from game.ui.library_load import LibraryLoad

            def arrived(loaded: Library) -> None:
                nonlocal code
                report_library(loaded)
                if not loaded.scenarios:
                    code, ctx.quit_requested = 1, True
                elif sender is not None:
                    sender.kick()

            ctx.on_library = arrived
            ctx.loading = LibraryLoad(args.scenarios)
        app.run()
    finally:
        ctx.speech.close()
        _sender_done(sender, "window")
    return code


def run_autoplay(args: argparse.Namespace, library: Library) -> int:
    from game.paths import SAVES_ENV
    from game.ui.app import App
    from game.ui.autoplay import Autoplay, AutoplayError
    from game.ui.memory_progress import MemoryProgress
    from game.ui.scenes.select import SelectScene

    # Headless play records an attempt only in a folder someone named (--saves, or $EUNGDAE_SAVES for
    # a class's shared folder): a scripted run must not fill the default saves with test attempts.
    named = args.saves if args.saves is not None else os.environ.get(SAVES_ENV) or None
    if named is not None:
        progress, persistent = open_progress(Path(named).expanduser(), library, _session_name(args))
    else:
        progress, persistent = MemoryProgress(_session_name(args)), False
    if args.profile is None:
        args.profile = DEFAULT_PROFILE
    ctx = _context(args, library, progress, persistent, voice=False)
    if ctx is None:
        return 1
    sender = lrs_sender(progress, persistent, lambda: library)
    if sender is not None:
        sender.kick()
    app = App(ctx, size=args.size)
    app.start(SelectScene(ctx, selected=args.scenario))
    drive = Autoplay(app, args.scenario, args.autoplay, args.seconds or [], args.screenshots)
    try:
        result = drive.run()
    except AutoplayError as exc:
        print(f"error: autoplay: {exc}", file=sys.stderr)
        return 1
    finally:
        _sender_done(sender, "headless")
    verdict = "합격" if result.passed else "불합격"
    print(f"{result.scenario}: {result.overall:.1f} / 100 {verdict} · 엔딩 {result.ending}")
    for path in drive.shots:
        print(path)
    ctx.take_progress_notices()
    for notice in ctx.said:
        print(f"warning: {notice}", file=sys.stderr)
    if ctx.unsaved:
        for problem in ctx.unsaved:
            print(f"error: 결과를 저장하지 못했습니다. {problem}", file=sys.stderr)
        return EXIT_NOT_SAVED
    return 0
