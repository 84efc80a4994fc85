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
    // The underscores found in one pass over the bytes, at most three (a
    // fourth means too many parts): `split` calls a `memchr` per part, which
    // in wasm is a byte loop of its own, and this runs twice per message id.
    let mut cuts = [0usize; 3];
    let mut count = 0;
    for (i, &b) in id.as_bytes().iter().enumerate() {
        if b == b'_' {
            *cuts.get_mut(count)? = i;
            count += 1;
        }
    }
    let [first, second, third] = cuts;
    if count < 2 {
        return None;
    }
    let from_me = match id.get(..first)? {
        "true" => true,
        "false" => false,
        _ => return None,
    };
    let chat_id = id.get(first + 1..second).filter(|p| !p.is_empty())?;
    let (wa_id, participant) = if count == 2 {
        (id.get(second + 1..), None)
    } else {
        (id.get(second + 1..third), Some(id.get(third + 1..).filter(|p| !p.is_empty())?))
    };
    let wa_id = wa_id.filter(|p| !p.is_empty())?;
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

    /// The rule as `split` states it: the reference of the byte scan.
    fn by_split(id: &str) -> Option<MessageId<'_>> {
        let parts: Vec<&str> = id.split('_').collect();
        let from_me = match *parts.first()? {
            "true" => true,
            "false" => false,
            _ => return None,
        };
        match parts[..] {
            [_, chat_id, wa_id] if !chat_id.is_empty() && !wa_id.is_empty() => {
                Some(MessageId { from_me, chat_id, id: wa_id, participant: None })
            }
            [_, chat_id, wa_id, p] if !chat_id.is_empty() && !wa_id.is_empty() && !p.is_empty() => {
                Some(MessageId { from_me, chat_id, id: wa_id, participant: Some(p) })
            }
            _ => None,
        }
    }

    #[test]
    fn message_ids_agree_with_split() {
        // Every string of up to six symbols over an alphabet of the parts.
        let symbols = ["_", "true", "false", "a", "", "x@c.us"];
        let mut ids = vec![String::new()];
        for _ in 0..6 {
            let longer: Vec<String> = ids.iter().flat_map(|id| symbols.iter().map(move |s| format!("{id}{s}"))).collect();
            ids.extend(longer);
            ids.sort();
            ids.dedup();
        }
        assert!(ids.len() > 1000);
        for id in &ids {
            assert_eq!(parse_message_id(id), by_split(id), "{id:?}");
        }
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
