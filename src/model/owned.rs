//! Owned forms: every parsed value borrows the input where it can (strings
//! without escapes, values passed through as sent), which is what makes
//! reading cheap; [`IntoOwned`] copies those borrows so that a parsed payload
//! can outlive its body.

use std::borrow::Cow;

use super::kinds::{
    Ack, Actor, ChatIdField, Email, EnumText, Json, JsonObject, Labels, List, MessageIdField, Number, PhoneId, Priority,
    StringList, StringMap, Timestamp, Uuid, WaId,
};
use super::Extra;

/// A value that can give up its borrows of the input.
///
/// ```
/// use periskope_events::{parse_event, sample_payload, Options};
/// let body = sample_payload("message.created").unwrap().to_string();
/// let message = parse_event("message.created", body.as_bytes(), &Options::default()).unwrap().into_owned();
/// drop(body);
/// std::thread::spawn(move || assert!(message.value.to_json().contains("message_id"))).join().unwrap();
/// ```
pub trait IntoOwned {
    /// The same value with nothing borrowed: `'static`.
    type Owned: 'static;
    /// Copies whatever is still borrowed from the input.
    fn into_owned(self) -> Self::Owned;
}

impl IntoOwned for Cow<'_, str> {
    type Owned = Cow<'static, str>;
    fn into_owned(self) -> Cow<'static, str> {
        Cow::Owned(Cow::into_owned(self))
    }
}

impl<T: IntoOwned> IntoOwned for Option<T> {
    type Owned = Option<T::Owned>;
    fn into_owned(self) -> Self::Owned {
        self.map(T::into_owned)
    }
}

impl<T: IntoOwned> IntoOwned for Vec<T> {
    type Owned = Vec<T::Owned>;
    fn into_owned(self) -> Self::Owned {
        self.into_iter().map(T::into_owned).collect()
    }
}

impl<T: IntoOwned> IntoOwned for Box<T> {
    type Owned = Box<T::Owned>;
    fn into_owned(self) -> Self::Owned {
        Box::new((*self).into_owned())
    }
}

impl<A: IntoOwned, B: IntoOwned> IntoOwned for (A, B) {
    type Owned = (A::Owned, B::Owned);
    fn into_owned(self) -> Self::Owned {
        (self.0.into_owned(), self.1.into_owned())
    }
}

/// Values with nothing borrowed are their own owned form.
macro_rules! already_owned {
    ($($t:ty),*) => {
        $(
            impl IntoOwned for $t {
                type Owned = $t;
                fn into_owned(self) -> $t {
                    self
                }
            }
        )*
    };
}

already_owned!(bool, Timestamp, Priority);

/// Kinds that are one string.
macro_rules! owned_newtype {
    ($($t:ident),*) => {
        $(
            impl IntoOwned for $t<'_> {
                type Owned = $t<'static>;
                fn into_owned(self) -> $t<'static> {
                    $t(IntoOwned::into_owned(self.0))
                }
            }
        )*
    };
}

owned_newtype!(Email, Actor, Uuid, ChatIdField, PhoneId, MessageIdField, Number, Json, JsonObject, Labels, StringList, StringMap);

impl<E: 'static> IntoOwned for EnumText<'_, E> {
    type Owned = EnumText<'static, E>;
    fn into_owned(self) -> Self::Owned {
        EnumText::new(IntoOwned::into_owned(self.0))
    }
}

impl<const TEXT: bool> IntoOwned for Ack<'_, TEXT> {
    type Owned = Ack<'static, TEXT>;
    fn into_owned(self) -> Self::Owned {
        Ack(IntoOwned::into_owned(self.0))
    }
}

impl<T: IntoOwned> IntoOwned for List<T> {
    type Owned = List<T::Owned>;
    fn into_owned(self) -> Self::Owned {
        List(self.0.into_owned())
    }
}

impl IntoOwned for WaId<'_> {
    type Owned = WaId<'static>;
    fn into_owned(self) -> WaId<'static> {
        WaId {
            id: self.id.into_owned(),
            from_me: self.from_me,
            remote: self.remote.into_owned(),
            serialized: self.serialized.into_owned(),
            extra: self.extra.into_owned(),
        }
    }
}

impl IntoOwned for Extra<'_> {
    type Owned = Extra<'static>;
    fn into_owned(self) -> Extra<'static> {
        Extra { key: IntoOwned::into_owned(self.key), json: IntoOwned::into_owned(self.json) }
    }
}
