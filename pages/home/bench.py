from bench.scenarios import Scenario

# Home has no controls of its own: a warm rerun is a plain rerun.
SCENARIO = Scenario(page="pages/home/page.py")
