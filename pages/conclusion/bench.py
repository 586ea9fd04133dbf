from bench.scenarios import Scenario

# The conclusion's controls are the quiz's radios (answered inside a form): a warm rerun is a
# plain rerun with the cached evidence.
SCENARIO = Scenario(page="pages/conclusion/page.py")
