//! The model (and the undo trail) as this version's JSON value and back
//! (written as a `serde_json::Value`, read from a borrowing [`Node`]),
//! field by field: the light codec of the app's own files. [`export_json`](super::export_json)
//! writes with it everywhere (the CLI, the importer and the pages write the
//! same text); [`read_own_json`](super::read_own_json) reads with it.
//!
//! Why not serde's derived code: the web pages carry this codec, and the
//! derived readers and writers of the model are over 150 KB of wasm (a
//! visitor per type, a seq and a map form each, buffering for tagged
//! enums); these impls are a few KB over one JSON reader. Files from
//! people still go through `parse_json` (serde, field paths, migrations),
//! which the importer worker carries.
//!
//! The reader is stricter than `parse_json`, never looser: every field the
//! writer always writes is required, an unknown key is refused, a field the
//! writer leaves out when it holds its default (`optional` below) is read as
//! that default. So whatever it reads, `parse_json` reads the same way
//! (proptests in `core/tests/model_codec.rs`), and whatever it refuses goes
//! to `parse_json` for a full answer.

mod model;
mod node;

use std::borrow::Cow;

use serde_json::{Map, Value};

pub(crate) use node::Node;

/// A part of the model that is written as, and read from, a JSON value.
pub(crate) trait Tree: Sized {
    /// This part as this version's JSON value.
    fn to_tree(&self) -> Value;
    /// Reads what [`Tree::to_tree`] wrote (as read back into a [`Node`]);
    /// `None` for anything else.
    fn from_tree(value: &Node<'_>) -> Option<Self>;
}

impl Tree for String {
    fn to_tree(&self) -> Value {
        Value::String(self.clone())
    }

    fn from_tree(value: &Node<'_>) -> Option<Self> {
        value.as_str().map(str::to_owned)
    }
}

impl Tree for bool {
    fn to_tree(&self) -> Value {
        Value::Bool(*self)
    }

    fn from_tree(value: &Node<'_>) -> Option<Self> {
        value.as_bool()
    }
}

impl Tree for u32 {
    fn to_tree(&self) -> Value {
        Value::from(*self)
    }

    fn from_tree(value: &Node<'_>) -> Option<Self> {
        value.as_u64().and_then(|n| u32::try_from(n).ok())
    }
}

impl Tree for usize {
    fn to_tree(&self) -> Value {
        Value::from(*self)
    }

    fn from_tree(value: &Node<'_>) -> Option<Self> {
        value.as_u64().and_then(|n| usize::try_from(n).ok())
    }
}

impl<T: Tree> Tree for Vec<T> {
    fn to_tree(&self) -> Value {
        Value::Array(self.iter().map(Tree::to_tree).collect())
    }

    fn from_tree(value: &Node<'_>) -> Option<Self> {
        value.as_array()?.iter().map(T::from_tree).collect()
    }
}

impl<T: Tree> Tree for Option<T> {
    fn to_tree(&self) -> Value {
        self.as_ref().map_or(Value::Null, Tree::to_tree)
    }

    fn from_tree(value: &Node<'_>) -> Option<Self> {
        match value {
            Node::Null => Some(None),
            other => T::from_tree(other).map(Some),
        }
    }
}

/// The keys of one JSON object, read one field at a time; [`Fields::end`]
/// refuses an object with a key no field asked for.
pub(crate) struct Fields<'a> {
    object: &'a [(Cow<'a, str>, Node<'a>)],
    asked: usize,
}

impl<'a> Fields<'a> {
    /// The fields of `value`, if it is an object.
    pub(crate) fn of(value: &'a Node<'a>) -> Option<Self> {
        Some(Fields {
            object: value.as_object()?,
            asked: 0,
        })
    }

    /// The value at `key`, counted as asked for (an object has a dozen keys
    /// at most: a look through them beats hashing). Never inlined (nor is
    /// [`insert`]): one copy of the lookup, not one per field.
    #[inline(never)]
    fn field(&mut self, key: &str) -> Option<&'a Node<'a>> {
        let (_, value) = self.object.iter().find(|(k, _)| k == key)?;
        self.asked += 1;
        Some(value)
    }

    /// A field the writer always writes.
    pub(crate) fn required<T: Tree>(&mut self, key: &str) -> Option<T> {
        T::from_tree(self.field(key)?)
    }

    /// A field the writer leaves out when it holds its default.
    pub(crate) fn optional<T: Tree + Default>(&mut self, key: &str) -> Option<T> {
        match self.field(key) {
            Some(value) => T::from_tree(value),
            None => Some(T::default()),
        }
    }

    /// `Some` when every key of the object was a field (a key twice in
    /// the object is refused).
    pub(crate) fn end(self) -> Option<()> {
        (self.asked == self.object.len()).then_some(())
    }
}

/// Writes one field into `object`: always, or (`optional`) only when it
/// differs from its type's default.
pub(crate) fn put<T: Tree>(object: &mut Map<String, Value>, key: &str, value: &T) {
    insert(object, key, value.to_tree());
}

#[inline(never)]
fn insert(object: &mut Map<String, Value>, key: &str, value: Value) {
    object.insert(key.to_owned(), value);
}

/// [`put`] for a field left out when it holds its default.
pub(crate) fn put_optional<T: Tree + Default + PartialEq>(
    object: &mut Map<String, Value>,
    key: &str,
    value: &T,
) {
    if *value != T::default() {
        put(object, key, value);
    }
}

/// Writes or reads one field by its mode (nothing: always written;
/// `optional`: left out when it holds its default).
macro_rules! field {
    (put $object:ident, $key:literal, $value:expr) => {
        $crate::codec::tree::put(&mut $object, $key, $value)
    };
    (put $object:ident, $key:literal, $value:expr, optional) => {
        $crate::codec::tree::put_optional(&mut $object, $key, $value)
    };
    (take $fields:ident, $key:literal) => {
        $fields.required($key)?
    };
    (take $fields:ident, $key:literal, optional) => {
        $fields.optional($key)?
    };
}

/// [`Tree`] for a struct from its table of `field: "key" [optional]`, in
/// the order serde writes them (the declaration order).
macro_rules! tree_struct {
    ($name:ident { $($field:ident: $key:literal $($mode:ident)?),+ $(,)? }) => {
        impl $crate::codec::tree::Tree for $name {
            fn to_tree(&self) -> serde_json::Value {
                let mut object = serde_json::Map::new();
                $($crate::codec::tree::field!(put object, $key, &self.$field $(, $mode)?);)+
                serde_json::Value::Object(object)
            }

            fn from_tree(value: &$crate::codec::tree::Node<'_>) -> Option<Self> {
                let mut fields = $crate::codec::tree::Fields::of(value)?;
                let read = $name {
                    $($field: $crate::codec::tree::field!(take fields, $key $(, $mode)?),)+
                };
                fields.end()?;
                Some(read)
            }
        }
    };
}

/// [`Tree`] for an internally tagged enum (`#[serde(tag = "...")]`) from
/// its table of `Variant = "tag value" { field: "key" [optional], ... }`.
macro_rules! tree_tagged {
    ($name:ident, $tag:literal {
        $($variant:ident = $value:literal { $($field:ident: $key:literal $($mode:ident)?),* $(,)? }),+ $(,)?
    }) => {
        impl $crate::codec::tree::Tree for $name {
            fn to_tree(&self) -> serde_json::Value {
                let mut object = serde_json::Map::new();
                match self {
                    $($name::$variant { $($field),* } => {
                        object.insert($tag.to_owned(), serde_json::Value::from($value));
                        $($crate::codec::tree::field!(put object, $key, $field $(, $mode)?);)*
                    })+
                }
                serde_json::Value::Object(object)
            }

            fn from_tree(value: &$crate::codec::tree::Node<'_>) -> Option<Self> {
                let mut fields = $crate::codec::tree::Fields::of(value)?;
                let tag: String = fields.required($tag)?;
                let read = match tag.as_str() {
                    $($value => $name::$variant {
                        $($field: $crate::codec::tree::field!(take fields, $key $(, $mode)?),)*
                    },)+
                    _ => return None,
                };
                fields.end()?;
                Some(read)
            }
        }
    };
}

/// [`Tree`] for field-less choices, written as their
/// [`Kind::key`](crate::model::kind::Kind::key).
macro_rules! tree_kinds {
    ($($name:ty),+ $(,)?) => {
        $(impl $crate::codec::tree::Tree for $name {
            fn to_tree(&self) -> serde_json::Value {
                serde_json::Value::from($crate::model::kind::Kind::key(*self))
            }

            fn from_tree(value: &$crate::codec::tree::Node<'_>) -> Option<Self> {
                <$name as $crate::model::kind::Kind>::from_key(value.as_str()?)
            }
        })+
    };
}

pub(crate) use {field, tree_kinds, tree_struct, tree_tagged};
