"""How a chart block opens in a lesson: shared by the lesson reader (which only notices that a lesson has
charts) and the chart parser, without either importing the other."""

CHART_FENCE = "```chart"
