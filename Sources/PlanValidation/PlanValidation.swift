// Structural checks live in XSD/ (XML Schema validation through libxml2). The semantic rules over
// a Plan arrive with issue 7.
import PlanModel
