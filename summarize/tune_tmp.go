package summarize

import (
	"os"
	"strconv"
)

func envF(name string, p *float64) {
	if v := os.Getenv(name); v != "" {
		*p, _ = strconv.ParseFloat(v, 64)
	}
}
func envI(name string, p *int) {
	if v := os.Getenv(name); v != "" {
		*p, _ = strconv.Atoi(v)
	}
}

var debugILP = os.Getenv("T_DEBUG") != ""

func init() {
	envI("T_MINSPREAD", &minSpread)
	envI("T_MINREP", &minRepeats)
	envF("T_LEAD", &leadBonus)
	envI("T_LEADS", &leadSentences)
	envF("T_QUERY", &queryBoost)
	envF("T_POS", &positionPrior)
	envF("T_SA", &subSaturation)
	envF("T_SL", &subLambda)
	envF("T_SK", &subClusters)
	envF("T_SR", &subCostScale)
	envI("T_MINW", &coverMinWords)
	if os.Getenv("T_NOSTOPBI") != "" {
		stopBigrams = false
	}
	envF("T_POSDECAY", &positionDecay)
	envF("T_QPRIOR", &queryPrior)
}
