from game.ui.layout import DESIGN_H, DESIGN_W, Layout, contains, fit_window


def test_design_size_is_identity():
    layout = Layout(1280, 720)
    assert layout.rect((16, 64, 544, 356)) == (16, 64, 544, 356)
    assert layout.to_design((100, 200)) == (100, 200)


def test_small_and_4k_windows_scale_uniformly():
    small, big = Layout(1024, 576), Layout(3840, 2160)
    assert small.rect((0, 0, DESIGN_W, DESIGN_H)) == (0, 0, 1024, 576)
    assert big.rect((0, 0, DESIGN_W, DESIGN_H)) == (0, 0, 3840, 2160)
    assert big.px(10) == 30


def test_a_wider_window_is_pillarboxed_and_mouse_maps_back():
    layout = Layout(2560, 1080)  # 21:9: bands left and right
    x, y, w, h = layout.rect((0, 0, DESIGN_W, DESIGN_H))
    assert (y, h) == (0, 1080) and x > 0 and x + w <= 2560 and layout.extra == 0
    assert layout.to_design(layout.point(640, 360)) == (640, 360)


def test_a_taller_window_gets_a_taller_design_space_instead_of_bands():
    tall = Layout(1280, 800)  # 16:10: 80 design pixels more, nothing letterboxed
    assert (tall.scale, tall.design_height, tall.extra, tall.offset) == (1.0, 800, 80, (0, 0))
    square = Layout(1600, 1200)  # 4:3: scaled by width, 960 design pixels tall
    assert square.scale == 1.25 and square.extra == 240
    assert square.rect((0, 0, DESIGN_W, square.design_height)) == (0, 0, 1600, 1200)
    assert square.to_design(square.point(640, 900)) == (640, 900)


def test_neighbouring_rects_neither_overlap_nor_gap():
    layout = Layout(1111, 625)
    left = layout.rect((0, 0, 333.3, 100))
    right = layout.rect((333.3, 0, 200, 100))
    assert left[0] + left[2] == right[0]


def test_contains_and_fit_window():
    assert contains((10, 10, 20, 20), (15, 15)) and not contains((10, 10, 20, 20), (30, 15))
    assert fit_window(800, 400) == (1024, 576)
    assert fit_window(1920, 1080) == (1920, 1080)
