//! WhatsApp ids: chat ids (`<user>@<server>`) and serialized message ids
//! (`<fromMe>_<chat>_<id>[_<participant>]`).

/// What a chat id names, from its server part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChatKind {
    /// `<number>@c.us`: a person.
    Contact,
    /// `<digits>@g.us`: a group.
    Group,
    /// Any other server (`@lid`, `@newsletter`, `@broadcast`...) or no `@`.
    Other,
}

impl ChatKind {
    /// `"contact"`, `"group"` or `"other"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ChatKind::Contact => "contact",
            ChatKind::Group => "group",
            ChatKind::Other => "other",
        }
    }
}

/// A chat id split into its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChatId<'a> {
    /// What the id names.
    pub kind: ChatKind,
    /// The part before `@` when it is all ASCII digits (the phone number of a
    /// contact, the numeric id of a group), else `None`.
    pub number: Option<&'a str>,
    /// The part after `@`, if any.
    pub server: Option<&'a str>,
}

/// Splits a chat id.
///
/// Rule: the kind comes from the server (`c.us` contact, `g.us` group, any
/// other server or no `@` at all: other); the number is the user part when it
/// is all ASCII digits.
///
/// ```
/// use periskope_events::normalize::{parse_chat_id, ChatKind};
/// let id = parse_chat_id("919537851844@c.us");
/// assert_eq!((id.kind, id.number), (ChatKind::Contact, Some("919537851844")));
/// ```
pub fn parse_chat_id(id: &str) -> ChatId<'_> {
    let (user, server) = match id.bytes().position(|b| b == b'@') {
        Some(at) => (id.get(..at).unwrap_or_default(), id.get(at + 1..)),
        None => (id, None),
    };
    let kind = match server {
        Some("c.us") => ChatKind::Contact,
        Some("g.us") => ChatKind::Group,
        _ => ChatKind::Other,
    };
    let number = (!user.is_empty() && user.bytes().all(|b| b.is_ascii_digit())).then_some(user);
    ChatId { kind, number, server }
}

/// A serialized message id split into its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MessageId<'a> {
    /// Whether the connected (org) phone sent the message.
    pub from_me: bool,
    /// The chat the message belongs to.
    pub chat_id: &'a str,
    /// WhatsApp's own id of the message (`3EB0...`).
    pub id: &'a str,
    /// In groups, the author's id.
    pub participant: Option<&'a str>,
}

/// Splits `true_<chat>_<id>[_<participant>]` (or `false_...`).
///
/// Rule: exactly three or four `_`-separated parts, the first `true` or
/// `false`, none empty. Anything else gives `None`.
///
/// ```
/// use periskope_events::normalize::parse_message_id;
/// let m = parse_message_id("false_120363297269676566@g.us_3EB01F46_919004389372@c.us").unwrap();
/// assert!(!m.from_me);
/// assert_eq!(m.participant, Some("919004389372@c.us"));
/// ```
pub fn parse_message_id(id: &str) -> Option<MessageId<'_>> {
    let mut parts = id.split('_');
    let from_me = match parts.next()? {
        "true" => true,
        "false" => false,
        _ => return None,
    };
    let chat_id = parts.next().filter(|p| !p.is_empty())?;
    let wa_id = parts.next().filter(|p| !p.is_empty())?;
    let participant = match parts.next() {
        None => None,
        Some("") => return None,
        Some(p) => Some(p),
    };
    if parts.next().is_some() {
        return None;
    }
    Some(MessageId { from_me, chat_id, id: wa_id, participant })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chat_ids() {
        assert_eq!(parse_chat_id("120363371308389685@g.us").kind, ChatKind::Group);
        let other = parse_chat_id("919X836X025X090@Xc.us");
        assert_eq!((other.kind, other.number, other.server), (ChatKind::Other, None, Some("Xc.us")));
        let bare = parse_chat_id("91900438");
        assert_eq!((bare.kind, bare.number, bare.server), (ChatKind::Other, Some("91900438"), None));
        assert_eq!(parse_chat_id("").number, None);
    }

    #[test]
    fn message_ids() {
        let m = parse_message_id("true_919537851844@c.us_3EB0C62861626B2D8BD4A386E48976EC85CB009C").unwrap();
        assert!(m.from_me);
        assert_eq!((m.chat_id, m.participant), ("919537851844@c.us", None));
        for bad in ["", "maybe_a@c.us_1", "true_a@c.us", "true__1", "true_a_1_b_c", "true_a_1_", "3EB0CA3ED694ED50FD3F18"] {
            assert_eq!(parse_message_id(bad), None, "{bad:?}");
        }
    }
}
