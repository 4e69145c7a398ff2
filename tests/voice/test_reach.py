from game.voice.reach import lines_ahead, lines_by_node


def ids(lines):
    return [line.line_id.split("/", 1)[1] for line in lines]


def test_lines_are_grouped_by_node(scenario):
    grouped = lines_by_node(scenario)
    assert ids(grouped["complaint"]) == ["complaint/customer", "complaint/c1/reaction"]
    assert grouped["end"] == []


def test_nearest_lines_come_first(scenario):
    assert ids(lines_ahead(scenario, "ring", depth=1)) == [
        "ring/narration",
        "complaint/customer",
        "complaint/c1/reaction",
    ]
    assert ids(lines_ahead(scenario, "complaint")) == [
        "complaint/customer",
        "complaint/c1/reaction",
        "calm/customer",
        "angrier/customer",
    ]
    assert lines_ahead(scenario, "nowhere") == []
