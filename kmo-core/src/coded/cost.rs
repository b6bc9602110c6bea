//! The codes of invoice lines: what a line is for, and why (part of) it is not eligible.

use crate::coded::coded_enum;

coded_enum!(
    /// What an invoice line is for.
    ///
    /// ```
    /// use kmo_core::CostLineKind;
    /// assert_eq!(CostLineKind::parse("catering").unwrap(), CostLineKind::Catering);
    /// ```
    CostLineKind, "cost line kind", {
        /// The provider's fee for the training or advice itself.
        Fee => "fee",
        /// Catering, invoiced with the training.
        Catering => "catering",
        /// The trainer's or adviser's travel.
        Travel => "travel",
        /// Course material.
        Material => "material",
        /// Exam costs.
        Exam => "exam",
        /// An advance invoice (voorschotfactuur).
        AdvanceInvoice => "advance_invoice",
        /// Executing the implementation an advice recommends.
        Implementation => "implementation",
    }
);

coded_enum!(
    /// Why (part of) a line is not eligible.
    NotEligibleBecause, "reason a line is not eligible", {
        /// Exam costs are never eligible.
        ExamCosts => "exam_costs",
        /// Catering or travel invoiced separately.
        SeparatelyInvoiced => "separately_invoiced",
        /// Material not used exclusively in the training.
        NotExclusiveMaterial => "not_exclusive_material",
        /// Catering above EUR 25 per person per day.
        CateringCap => "catering_cap",
        /// An advance invoice for advice.
        AdvanceInvoice => "advance_invoice",
        /// The execution of an implementation.
        Implementation => "implementation",
        /// Catering with advice.
        CateringWithAdvice => "catering_with_advice",
    }
);
