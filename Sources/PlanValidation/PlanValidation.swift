// The validation engine arrives with issue 7; this file keeps the target buildable.
import PlanModel
