//! Undo and redo over whole values (the model), with typing in one field
//! coalesced into one step.

/// The undo history of a value: what it was, what it is, what was undone.
///
/// Each [`History::edit`] names what it edits (a field path); consecutive edits
/// of the same field are one step, so undo takes back a word typed, not a letter.
///
/// ```
/// use slo_core::history::History;
/// let mut h = History::new(String::from("a"));
/// h.edit("title", String::from("ab"));
/// h.edit("title", String::from("abc"));   // same field: one step
/// h.edit("body", String::from("abc!"));
/// assert!(h.undo());
/// assert_eq!(h.present(), "abc");
/// assert!(h.undo());
/// assert_eq!(h.present(), "a");
/// assert!(h.redo());
/// assert_eq!(h.present(), "abc");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct History<T> {
    past: Vec<T>,
    present: T,
    future: Vec<T>,
    last_edit: Option<String>,
    limit: usize,
}

/// The most undo steps kept.
pub const UNDO_LIMIT: usize = 200;

impl<T: Clone + PartialEq> History<T> {
    /// A history whose present is `value`, with nothing to undo.
    pub fn new(value: T) -> Self {
        History {
            past: Vec::new(),
            present: value,
            future: Vec::new(),
            last_edit: None,
            limit: UNDO_LIMIT,
        }
    }

    /// The current value.
    pub fn present(&self) -> &T {
        &self.present
    }

    /// Replaces the present with `value` as an edit of `field`. An edit that
    /// changes nothing is ignored; a new edit clears what was undone.
    pub fn edit(&mut self, field: &str, value: T) {
        if value == self.present {
            return;
        }
        let same_field = self.last_edit.as_deref() == Some(field) && !self.past.is_empty();
        if !same_field {
            self.past.push(self.present.clone());
            if self.past.len() > self.limit {
                self.past.remove(0);
            }
        }
        self.present = value;
        self.future.clear();
        self.last_edit = Some(field.to_string());
    }

    /// Changes the present in place as an edit of `field`, without copying it
    /// while the same field is typed into (the first keystroke keeps a copy
    /// to undo to). Returns whether anything changed. What [`History::edit`]
    /// does, at the cost of one change instead of a copy and a comparison
    /// of the whole value per keystroke.
    ///
    /// ```
    /// use slo_core::history::History;
    /// let mut h = History::new(String::from("a"));
    /// h.edit_with("title", |s| s.push('b'));
    /// h.edit_with("title", |s| s.push('c'));   // same field: one step
    /// assert!(!h.edit_with("body", |_| {}));    // no change: no step
    /// assert!(h.undo());
    /// assert_eq!(h.present(), "a");
    /// ```
    pub fn edit_with(&mut self, field: &str, change: impl FnOnce(&mut T)) -> bool {
        let same_field = self.last_edit.as_deref() == Some(field) && !self.past.is_empty();
        if same_field {
            change(&mut self.present);
            self.future.clear();
            return true;
        }
        let before = self.present.clone();
        change(&mut self.present);
        if self.present == before {
            return false;
        }
        self.past.push(before);
        if self.past.len() > self.limit {
            self.past.remove(0);
        }
        self.future.clear();
        self.last_edit = Some(field.to_string());
        true
    }

    /// Replaces the present as one step of its own (an import, an example, "New model").
    pub fn replace(&mut self, value: T) {
        self.last_edit = None;
        self.edit("", value);
        self.last_edit = None;
    }

    /// Goes one step back; `false` when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        match self.past.pop() {
            Some(previous) => {
                self.future
                    .push(std::mem::replace(&mut self.present, previous));
                self.last_edit = None;
                true
            }
            None => false,
        }
    }

    /// Goes one step forward again; `false` when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        match self.future.pop() {
            Some(next) => {
                self.past.push(std::mem::replace(&mut self.present, next));
                self.last_edit = None;
                true
            }
            None => false,
        }
    }

    /// The values undo goes back to, newest first.
    pub fn past(&self) -> impl Iterator<Item = &T> {
        self.past.iter().rev()
    }

    /// The values redo goes forward to, nearest first.
    pub fn future(&self) -> impl Iterator<Item = &T> {
        self.future.iter().rev()
    }

    /// A history restored from its parts (as [`History::past`] and
    /// [`History::future`] list them): `past` newest first, `future`
    /// nearest first. Past steps over [`UNDO_LIMIT`] are dropped, oldest
    /// first; the next edit is a step of its own.
    ///
    /// ```
    /// use slo_core::history::History;
    /// let mut h = History::new(1);
    /// h.edit("a", 2);
    /// h.edit("b", 3);
    /// h.undo();
    /// let past: Vec<i32> = h.past().copied().collect();
    /// let future: Vec<i32> = h.future().copied().collect();
    /// let mut restored = History::restore(past, *h.present(), future);
    /// assert!(restored.redo());
    /// assert_eq!(restored.present(), &3);
    /// assert!(restored.undo() && restored.undo());
    /// assert_eq!(restored.present(), &1);
    /// ```
    pub fn restore(mut past: Vec<T>, present: T, mut future: Vec<T>) -> Self {
        past.truncate(UNDO_LIMIT);
        past.reverse();
        future.reverse();
        History {
            past,
            present,
            future,
            last_edit: None,
            limit: UNDO_LIMIT,
        }
    }

    /// Whether [`History::undo`] would do something.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Whether [`History::redo`] would do something.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}
