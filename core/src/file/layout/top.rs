//! The top two levels of a file, written as they are serialized: they are always one part per
//! line, so no part needs to see its siblings, and a flow of a million nodes never exists as one
//! tree of [`Piece`]s, only one node's at a time.

use serde::Serialize;
use serde::ser;

use super::{Piece, PieceSerializer, push_indent, write_flat, write_piece};

/// Levels above this one are streamed; from it down, pieces are laid out.
const LAID_OUT_FROM: usize = 2;

/// Writes what it is given into `out`, at indent `level` (0 or 1).
pub(super) struct TopSerializer<'a> {
    pub out: &'a mut String,
    pub level: usize,
}

impl<'a> TopSerializer<'a> {
    /// A value of no parts (or one the streaming does not handle): laid out whole.
    fn whole(self, piece: &Piece) {
        write_piece(self.out, piece, self.level, self.level, 1, false);
    }

    fn open(self, name: Option<&str>, open: char, close: char) -> Streamed<'a> {
        let TopSerializer { out, level } = self;
        if let Some(name) = name {
            out.push_str(&super::identifier(name));
        }
        out.push(open);
        Streamed {
            out,
            level,
            close,
            count: 0,
            key: None,
        }
    }
}

/// A group of the top levels, written one part per line as its parts come.
pub(super) struct Streamed<'a> {
    out: &'a mut String,
    level: usize,
    close: char,
    count: usize,
    /// A map's key waiting for its value.
    key: Option<String>,
}

impl Streamed<'_> {
    fn push<T: Serialize + ?Sized>(
        &mut self,
        key: Option<&str>,
        value: &T,
    ) -> Result<(), ron::Error> {
        self.out.push('\n');
        push_indent(self.out, self.level + 1);
        if let Some(key) = key {
            self.out.push_str(key);
            self.out.push_str(": ");
        }
        let level = self.level + 1;
        if level < LAID_OUT_FROM {
            value.serialize(TopSerializer {
                out: self.out,
                level,
            })?;
        } else {
            let piece = value.serialize(PieceSerializer)?;
            write_piece(self.out, &piece, level, level, 1, false);
        }
        self.out.push(',');
        self.count += 1;
        Ok(())
    }

    fn end(self) {
        if self.count > 0 {
            self.out.push('\n');
            push_indent(self.out, self.level);
        }
        self.out.push(self.close);
    }
}

macro_rules! whole {
    ($($method:ident: $type:ty),* $(,)?) => {
        $(fn $method(self, value: $type) -> Result<(), ron::Error> {
            let piece = PieceSerializer.$method(value)?;
            self.whole(&piece);
            Ok(())
        })*
    };
}

impl<'a> ser::Serializer for TopSerializer<'a> {
    type Ok = ();
    type Error = ron::Error;
    type SerializeSeq = Streamed<'a>;
    type SerializeTuple = Streamed<'a>;
    type SerializeTupleStruct = Streamed<'a>;
    type SerializeTupleVariant = Streamed<'a>;
    type SerializeMap = Streamed<'a>;
    type SerializeStruct = Streamed<'a>;
    type SerializeStructVariant = Streamed<'a>;

    whole!(
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
        serialize_bytes: &[u8],
    );

    fn serialize_none(self) -> Result<(), ron::Error> {
        self.whole(&Piece::None);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), ron::Error> {
        let piece = PieceSerializer.serialize_some(value)?;
        self.whole(&piece);
        Ok(())
    }

    fn serialize_unit(self) -> Result<(), ron::Error> {
        self.whole(&PieceSerializer.serialize_unit()?);
        Ok(())
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result<(), ron::Error> {
        self.whole(&PieceSerializer.serialize_unit_struct(name)?);
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<(), ron::Error> {
        self.whole(&PieceSerializer.serialize_unit_variant(name, index, variant)?);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), ron::Error> {
        self.whole(&PieceSerializer.serialize_newtype_struct(name, value)?);
        Ok(())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), ron::Error> {
        self.whole(&PieceSerializer.serialize_newtype_variant(name, index, variant, value)?);
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Streamed<'a>, ron::Error> {
        Ok(self.open(None, '[', ']'))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Streamed<'a>, ron::Error> {
        Ok(self.open(None, '(', ')'))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Streamed<'a>, ron::Error> {
        Ok(self.open(None, '(', ')'))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Streamed<'a>, ron::Error> {
        Ok(self.open(Some(variant), '(', ')'))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Streamed<'a>, ron::Error> {
        Ok(self.open(None, '{', '}'))
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Streamed<'a>, ron::Error> {
        Ok(self.open(None, '(', ')'))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Streamed<'a>, ron::Error> {
        Ok(self.open(Some(variant), '(', ')'))
    }
}

impl ser::SerializeSeq for Streamed<'_> {
    type Ok = ();
    type Error = ron::Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ron::Error> {
        self.push(None, value)
    }
    fn end(self) -> Result<(), ron::Error> {
        Streamed::end(self);
        Ok(())
    }
}

impl ser::SerializeTuple for Streamed<'_> {
    type Ok = ();
    type Error = ron::Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ron::Error> {
        self.push(None, value)
    }
    fn end(self) -> Result<(), ron::Error> {
        Streamed::end(self);
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Streamed<'_> {
    type Ok = ();
    type Error = ron::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ron::Error> {
        self.push(None, value)
    }
    fn end(self) -> Result<(), ron::Error> {
        Streamed::end(self);
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Streamed<'_> {
    type Ok = ();
    type Error = ron::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ron::Error> {
        self.push(None, value)
    }
    fn end(self) -> Result<(), ron::Error> {
        Streamed::end(self);
        Ok(())
    }
}

impl ser::SerializeMap for Streamed<'_> {
    type Ok = ();
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
        self.push(Some(&key), value)
    }
    fn end(self) -> Result<(), ron::Error> {
        Streamed::end(self);
        Ok(())
    }
}

impl ser::SerializeStruct for Streamed<'_> {
    type Ok = ();
    type Error = ron::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), ron::Error> {
        self.push(Some(&super::identifier(key)), value)
    }
    fn end(self) -> Result<(), ron::Error> {
        Streamed::end(self);
        Ok(())
    }
}

impl ser::SerializeStructVariant for Streamed<'_> {
    type Ok = ();
    type Error = ron::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), ron::Error> {
        self.push(Some(&super::identifier(key)), value)
    }
    fn end(self) -> Result<(), ron::Error> {
        Streamed::end(self);
        Ok(())
    }
}
