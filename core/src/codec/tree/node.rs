//! A JSON value as the light codec reads it: strings borrowed from the text
//! where they hold no escapes, objects as their keys and values in order.
//! Reading the 50-service model's autosave into it takes about a third of
//! the time `serde_json::Value` takes (no map built per object, no key
//! copied), and a page reads the autosave every time it opens.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Visitor};

/// One JSON value, borrowing from the text it was read from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number from 0 to `u64::MAX`.
    Unsigned(u64),
    /// Any other number (negative, fractional): the model has none, so it
    /// is only ever refused.
    OtherNumber,
    /// A string.
    Text(Cow<'a, str>),
    /// An array.
    Array(Vec<Node<'a>>),
    /// An object: its keys and values in the text's order.
    Object(Vec<(Cow<'a, str>, Node<'a>)>),
}

impl<'a> Node<'a> {
    /// Reads `text` as one JSON value; `None` when it is not JSON.
    pub(crate) fn read(text: &'a str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }

    /// The string, if this is one.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Node::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The number, if this is a whole number from 0.
    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self {
            Node::Unsigned(n) => Some(*n),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub(crate) fn as_bool(&self) -> Option<bool> {
        match self {
            Node::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub(crate) fn as_array(&self) -> Option<&[Node<'a>]> {
        match self {
            Node::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The keys and values, if this is an object.
    pub(crate) fn as_object(&self) -> Option<&[(Cow<'a, str>, Node<'a>)]> {
        match self {
            Node::Object(entries) => Some(entries),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Node<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

/// Builds a [`Node`] from whatever the JSON reader finds.
struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: Error>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_none<E: Error>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_bool<E: Error>(self, b: bool) -> Result<Node<'de>, E> {
        Ok(Node::Bool(b))
    }

    fn visit_u64<E: Error>(self, n: u64) -> Result<Node<'de>, E> {
        Ok(Node::Unsigned(n))
    }

    fn visit_i64<E: Error>(self, n: i64) -> Result<Node<'de>, E> {
        Ok(u64::try_from(n).map_or(Node::OtherNumber, Node::Unsigned))
    }

    fn visit_f64<E: Error>(self, _: f64) -> Result<Node<'de>, E> {
        Ok(Node::OtherNumber)
    }

    fn visit_borrowed_str<E: Error>(self, text: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::Text(Cow::Borrowed(text)))
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<Node<'de>, E> {
        Ok(Node::Text(Cow::Owned(text.to_owned())))
    }

    fn visit_string<E: Error>(self, text: String) -> Result<Node<'de>, E> {
        Ok(Node::Text(Cow::Owned(text)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some(key) = map.next_key::<Node<'de>>()? {
            let Node::Text(key) = key else {
                return Err(A::Error::custom("a key that is not a string"));
            };
            entries.push((key, map.next_value()?));
        }
        Ok(Node::Object(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value_borrowing_plain_strings() {
        let text = r#"{"a":[null,true,7,-1,2.5,"plain","esc\"aped"],"b":{}}"#;
        let node = Node::read(text).unwrap();
        let entries = node.as_object().unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].0, "a");
        let items = entries[0].1.as_array().unwrap();
        assert_eq!(items[0], Node::Null);
        assert_eq!(items[1].as_bool(), Some(true));
        assert_eq!(items[2].as_u64(), Some(7));
        assert_eq!(items[3], Node::OtherNumber);
        assert_eq!(items[4], Node::OtherNumber);
        assert!(matches!(&items[5], Node::Text(Cow::Borrowed("plain"))));
        assert_eq!(items[6].as_str(), Some("esc\"aped"));
        assert_eq!(entries[1].1.as_object().map(<[_]>::len), Some(0));
    }

    #[test]
    fn keeps_duplicate_keys_and_refuses_what_is_not_json() {
        let node = Node::read(r#"{"a":1,"a":2}"#).unwrap();
        assert_eq!(node.as_object().map(<[_]>::len), Some(2));
        assert_eq!(Node::read("{"), None);
        assert_eq!(Node::read("1 2"), None);
    }
}
