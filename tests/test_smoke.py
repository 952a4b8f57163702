from tests.conftest import run_cli


def test_cost_of_a_shipped_recipe_runs(examples):
    result = run_cli("cost", "recipes/bingka-kentang.toml", cwd=examples)
    assert result.code == 0, result.err
    assert "HPP per potong" in result.out
