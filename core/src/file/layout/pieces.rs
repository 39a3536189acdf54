//! The [`Piece`] tree of any serde value: a serializer that records the shape (groups with
//! their keys, atoms rendered by ron itself) for the layout to decide on.

use serde::Serialize;
use serde::ser;

use super::{Group, Piece, write_flat};

/// ron's text for a scalar.
fn atom<T: Serialize + ?Sized>(value: &T) -> Result<Piece, ron::Error> {
    ron::to_string(value).map(Piece::Atom)
}

/// A name as a RON identifier, raw (`r#name`) when it is not a plain one.
pub(super) fn identifier(name: &str) -> String {
    let mut chars = name.chars();
    let is_plain = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if is_plain {
        name.to_owned()
    } else {
        format!("r#{name}")
    }
}

/// Builds the [`Piece`] tree of a value.
pub(super) struct PieceSerializer;

/// A group being filled.
pub(super) struct GroupBuilder {
    group: Group,
    /// A map's key waiting for its value.
    key: Option<String>,
}

impl GroupBuilder {
    fn new(name: Option<&str>, open: char, close: char, len: usize) -> Self {
        Self {
            group: Group {
                name: name.map(identifier),
                open,
                close,
                items: Vec::with_capacity(len.min(1024)),
            },
            key: None,
        }
    }

    fn push<T: Serialize + ?Sized>(
        &mut self,
        key: Option<String>,
        value: &T,
    ) -> Result<(), ron::Error> {
        let piece = value.serialize(PieceSerializer)?;
        self.group.items.push((key, piece));
        Ok(())
    }

    fn done(self) -> Piece {
        Piece::Group(self.group)
    }
}

macro_rules! atoms {
    ($($method:ident: $type:ty),* $(,)?) => {
        $(fn $method(self, value: $type) -> Result<Piece, ron::Error> {
            atom(&value)
        })*
    };
}

impl ser::Serializer for PieceSerializer {
    type Ok = Piece;
    type Error = ron::Error;
    type SerializeSeq = GroupBuilder;
    type SerializeTuple = GroupBuilder;
    type SerializeTupleStruct = GroupBuilder;
    type SerializeTupleVariant = GroupBuilder;
    type SerializeMap = GroupBuilder;
    type SerializeStruct = GroupBuilder;
    type SerializeStructVariant = GroupBuilder;

    atoms!(
        serialize_bool: bool,
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_i128: i128,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_u128: u128,
        serialize_f32: f32,
        serialize_f64: f64,
        serialize_char: char,
        serialize_str: &str,
    );

    fn serialize_bytes(self, value: &[u8]) -> Result<Piece, ron::Error> {
        struct Bytes<'a>(&'a [u8]);
        impl Serialize for Bytes<'_> {
            fn serialize<S: ser::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_bytes(self.0)
            }
        }
        atom(&Bytes(value))
    }

    fn serialize_none(self) -> Result<Piece, ron::Error> {
        Ok(Piece::None)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Piece, ron::Error> {
        Ok(Piece::Some(Box::new(value.serialize(PieceSerializer)?)))
    }

    fn serialize_unit(self) -> Result<Piece, ron::Error> {
        Ok(Piece::Atom("()".to_owned()))
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<Piece, ron::Error> {
        Ok(Piece::Atom("()".to_owned()))
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Piece, ron::Error> {
        Ok(Piece::Atom(identifier(variant)))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Piece, ron::Error> {
        let mut group = GroupBuilder::new(None, '(', ')', 1);
        group.push(None, value)?;
        Ok(group.done())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Piece, ron::Error> {
        let mut group = GroupBuilder::new(Some(variant), '(', ')', 1);
        group.push(None, value)?;
        Ok(group.done())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<GroupBuilder, ron::Error> {
        Ok(GroupBuilder::new(None, '[', ']', len.unwrap_or(0)))
    }

    fn serialize_tuple(self, len: usize) -> Result<GroupBuilder, ron::Error> {
        Ok(GroupBuilder::new(None, '(', ')', len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<GroupBuilder, ron::Error> {
        Ok(GroupBuilder::new(None, '(', ')', len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<GroupBuilder, ron::Error> {
        Ok(GroupBuilder::new(Some(variant), '(', ')', len))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<GroupBuilder, ron::Error> {
        Ok(GroupBuilder::new(None, '{', '}', len.unwrap_or(0)))
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<GroupBuilder, ron::Error> {
        Ok(GroupBuilder::new(None, '(', ')', len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<GroupBuilder, ron::Error> {
        Ok(GroupBuilder::new(Some(variant), '(', ')', len))
    }
}

impl ser::SerializeSeq for GroupBuilder {
    type Ok = Piece;
    type Error = ron::Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ron::Error> {
        self.push(None, value)
    }
    fn end(self) -> Result<Piece, ron::Error> {
        Ok(self.done())
    }
}

impl ser::SerializeTuple for GroupBuilder {
    type Ok = Piece;
    type Error = ron::Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ron::Error> {
        self.push(None, value)
    }
    fn end(self) -> Result<Piece, ron::Error> {
        Ok(self.done())
    }
}

impl ser::SerializeTupleStruct for GroupBuilder {
    type Ok = Piece;
    type Error = ron::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ron::Error> {
        self.push(None, value)
    }
    fn end(self) -> Result<Piece, ron::Error> {
        Ok(self.done())
    }
}

impl ser::SerializeTupleVariant for GroupBuilder {
    type Ok = Piece;
    type Error = ron::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ron::Error> {
        self.push(None, value)
    }
    fn end(self) -> Result<Piece, ron::Error> {
        Ok(self.done())
    }
}

impl ser::SerializeMap for GroupBuilder {
    type Ok = Piece;
    type Error = ron::Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), ron::Error> {
        let piece = key.serialize(PieceSerializer)?;
        let mut text = String::new();
        write_flat(&mut text, &piece);
        self.key = Some(text);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ron::Error> {
        let key = self.key.take().unwrap_or_default();
        self.push(Some(key), value)
    }
    fn end(self) -> Result<Piece, ron::Error> {
        Ok(self.done())
    }
}

impl ser::SerializeStruct for GroupBuilder {
    type Ok = Piece;
    type Error = ron::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), ron::Error> {
        self.push(Some(identifier(key)), value)
    }
    fn end(self) -> Result<Piece, ron::Error> {
        Ok(self.done())
    }
}

impl ser::SerializeStructVariant for GroupBuilder {
    type Ok = Piece;
    type Error = ron::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), ron::Error> {
        self.push(Some(identifier(key)), value)
    }
    fn end(self) -> Result<Piece, ron::Error> {
        Ok(self.done())
    }
}
