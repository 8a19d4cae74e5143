//! The Budget page's state, shared with its components through context.

use leptos::prelude::*;

use slo_core::calculator::{evaluate, BudgetForm, BudgetView, Field};

use crate::browser::IntlZones;

/// The one form signal (the single source of truth) and the memo of everything
/// the core computes from it.
#[derive(Clone, Copy)]
pub struct Calculator {
    /// The inputs exactly as typed.
    pub form: RwSignal<BudgetForm>,
    /// What `slo-core` computed from them.
    pub result: Memo<BudgetView>,
}

impl Calculator {
    /// Creates the state from the initial form and provides it to the components below.
    pub fn provide(initial: BudgetForm) -> Self {
        let form = RwSignal::new(initial);
        let result = Memo::new(move |_| form.with(|f| evaluate(f, &IntlZones)));
        let calculator = Calculator { form, result };
        provide_context(calculator);
        calculator
    }

    /// Binds one text field of the form: its text as typed, a setter, and the
    /// field's message from the computed view.
    pub fn bind(
        self,
        field: Field,
        get: fn(&BudgetForm) -> &String,
        set: fn(&mut BudgetForm, String),
    ) -> (Signal<String>, Callback<String>, Signal<Option<String>>) {
        let Calculator { form, result } = self;
        (
            Signal::derive(move || form.with(|f| get(f).clone())),
            Callback::new(move |text: String| form.update(|f| set(f, text))),
            Signal::derive(move || result.with(|r| r.error(field))),
        )
    }

    /// The state provided by the Budget page.
    pub fn from_context() -> Self {
        expect_context::<Calculator>()
    }
}
