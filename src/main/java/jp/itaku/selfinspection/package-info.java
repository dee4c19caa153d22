/**
 * Monthly self-inspections (自己点検, Kadoma 11(1)): the checklist generated from the
 * contract's clause profile and scope, the contractor's monthly answers with remarks,
 * evidence and corrective actions, the written report submitted to the month's
 * SELF_INSPECTION_REPORT obligation, and the trend over the months.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Self-inspections")
package jp.itaku.selfinspection;
