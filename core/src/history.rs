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
    /// Steps older than `past`, kept as text until undo reaches them
    /// (oldest first, so the next is last): see [`History::restore_unread`].
    unread_past: Vec<String>,
    /// Steps further than `future`, kept as text until redo reaches them
    /// (furthest first).
    unread_future: Vec<String>,
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
            unread_past: Vec::new(),
            unread_future: Vec::new(),
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
            self.trim_past();
        }
        self.present = value;
        self.clear_future();
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
            self.clear_future();
            return true;
        }
        let before = self.present.clone();
        change(&mut self.present);
        if self.present == before {
            return false;
        }
        self.past.push(before);
        self.trim_past();
        self.clear_future();
        self.last_edit = Some(field.to_string());
        true
    }

    /// Keeps at most [`UNDO_LIMIT`] steps to undo, dropping the oldest
    /// (unread ones first: they are older).
    fn trim_past(&mut self) {
        while self.past.len() + self.unread_past.len() > self.limit {
            if self.unread_past.is_empty() {
                self.past.remove(0);
            } else {
                self.unread_past.remove(0);
            }
        }
    }

    /// A new edit: nothing undone can be redone.
    fn clear_future(&mut self) {
        self.future.clear();
        self.unread_future.clear();
    }

    /// Replaces the present as one step of its own (an import, an example, "New model").
    pub fn replace(&mut self, value: T) {
        self.last_edit = None;
        self.edit("", value);
        self.last_edit = None;
    }

    /// Goes one step back; `false` when there is nothing to undo among the
    /// steps already read (a restored history's text steps are undone by
    /// [`History::undo_reading`]).
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

    /// Goes one step forward again; `false` when there is nothing to redo
    /// among the steps already read (see [`History::redo_reading`]).
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

    /// The values undo goes back to, newest first (then
    /// [`History::unread_past`]).
    pub fn past(&self) -> impl Iterator<Item = &T> {
        self.past.iter().rev()
    }

    /// The values redo goes forward to, nearest first (then
    /// [`History::unread_future`]).
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
    pub fn restore(past: Vec<T>, present: T, future: Vec<T>) -> Self {
        let (past, future) = stacks(past, future);
        History {
            past,
            future,
            ..History::new(present)
        }
    }

    /// Whether [`History::undo_reading`] would do something (a step to
    /// undo, read or unread).
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty() || !self.unread_past.is_empty()
    }

    /// Whether [`History::redo_reading`] would do something.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty() || !self.unread_future.is_empty()
    }

    /// A history restored from its parts as text, read only when undo or
    /// redo reaches them: `past` newest first, `future` nearest first (as
    /// a trail lists them: `codec::trail`). Restoring a long history then
    /// costs reading none of it. Past steps over [`UNDO_LIMIT`] are
    /// dropped, oldest first.
    ///
    /// ```
    /// use slo_core::history::History;
    /// let read = |t: &str| t.parse::<i32>().ok();
    /// let mut h = History::restore_unread(3, vec!["2".into(), "1".into()], vec!["4".into()]);
    /// assert!(h.can_undo() && h.can_redo());
    /// assert!(h.undo_reading(read));
    /// assert!(h.undo_reading(read));
    /// assert_eq!(h.present(), &1);
    /// assert!(!h.undo_reading(read));
    /// assert!(h.redo_reading(read) && h.redo_reading(read) && h.redo_reading(read));
    /// assert_eq!(h.present(), &4);
    /// // An edit clears the redo steps, read or not.
    /// let mut h = History::restore_unread(3, vec![], vec!["4".into()]);
    /// h.edit("a", 5);
    /// assert!(!h.can_redo());
    /// ```
    pub fn restore_unread(present: T, past: Vec<String>, future: Vec<String>) -> Self {
        let (unread_past, unread_future) = stacks(past, future);
        History {
            unread_past,
            unread_future,
            ..History::new(present)
        }
    }

    /// Undoes one step, reading it with `read` first when it is still text.
    /// A step `read` cannot read ends the history there: it and every older
    /// step are dropped, and nothing is undone.
    pub fn undo_reading(&mut self, read: impl FnOnce(&str) -> Option<T>) -> bool {
        read_next(&mut self.past, &mut self.unread_past, read) && self.undo()
    }

    /// Redoes one step, reading it with `read` first when it is still text;
    /// a step `read` cannot read ends the redo steps there.
    pub fn redo_reading(&mut self, read: impl FnOnce(&str) -> Option<T>) -> bool {
        read_next(&mut self.future, &mut self.unread_future, read) && self.redo()
    }

    /// The steps undo reaches after [`History::past`], still as text,
    /// newest first.
    pub fn unread_past(&self) -> impl Iterator<Item = &str> {
        self.unread_past.iter().rev().map(String::as_str)
    }

    /// The steps redo reaches after [`History::future`], still as text,
    /// nearest first.
    pub fn unread_future(&self) -> impl Iterator<Item = &str> {
        self.unread_future.iter().rev().map(String::as_str)
    }
}

/// Restored steps as the history keeps them: `past` (newest first, at most
/// [`UNDO_LIMIT`]) and `future` (nearest first) turned into stacks whose
/// next step is last.
fn stacks<S>(mut past: Vec<S>, mut future: Vec<S>) -> (Vec<S>, Vec<S>) {
    past.truncate(UNDO_LIMIT);
    past.reverse();
    future.reverse();
    (past, future)
}

/// Makes sure `steps` has a next step (its last), reading the next of
/// `unread` (its last) when it has none; `false` when there is none, or when
/// `read` cannot read it (then it and every step beyond are dropped).
fn read_next<T>(
    steps: &mut Vec<T>,
    unread: &mut Vec<String>,
    read: impl FnOnce(&str) -> Option<T>,
) -> bool {
    if !steps.is_empty() {
        return true;
    }
    let Some(text) = unread.pop() else {
        return false;
    };
    match read(&text) {
        Some(value) => {
            steps.push(value);
            true
        }
        None => {
            unread.clear();
            false
        }
    }
}
