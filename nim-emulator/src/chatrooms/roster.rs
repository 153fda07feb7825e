//! Who is in a room and what they show: member queries and paging, the in-room profile,
//! tags, and kicking (v1 `membersByPage`, `queryMembersByRole`, `queryMembers`,
//! `updateMyRoomRole`, the tag actions, `kickMember`; v2 `listOnlineMembers`,
//! `listFixedMembers`, `batchQueryChatroomMembers`, `updateOnlineMemberInfo`, the tag
//! operations, `kickMember`).
//!
//! # Rules
//!
//! - **Who is listed.** *Fixed* members are the creator, managers, normal members and the
//!   restricted ones (blacklisted or permanently chat-banned, v1 `LIMITED`), online or not.
//!   *Present* members are those online (at least one connection) and virtual members
//!   (which the server adds and which count as online). Other accounts are not members.
//! - **Order and time.** Lists are newest first by the member's *time*: when its latest
//!   connection entered, or the room's creation for a fixed member that never entered
//!   (the official member-list page pages fixed members by a time too, without naming it);
//!   ties by account id. v1 pages are cut by `endtime`: members whose time is strictly
//!   earlier (0: no bound), so the next page asks with the last item's time. The
//!   emulator's clock counts seconds, so times often tie: within a list, a member sharing
//!   the time of the one above it is shown a millisecond earlier (and so on down), which
//!   keeps every member on exactly one page. v2 pages are cut by offset.
//! - **Tags.** A tag query counts each online account once (the client tag guide) and lists
//!   one record per connection (a member online on two devices twice, as the docs say).
//!   Changing tags replaces the tag set of a present member (every connection) and its
//!   notification expression; an offline account is 404 (the v2 Java SDK: the target must
//!   be online; the v1 docs leave it open).
//! - **Profile.** A change with `save` (v1) / `persistence` (v2) on a fixed member is kept:
//!   it shows online and offline and survives leaving. Any other change applies to the
//!   member's current connections and goes with its last one; on a fixed member that is
//!   offline it changes nothing (v1 answers 200: the Java SDK's live test changes the
//!   never-entered creator; v2 refuses it, as the Java SDK's Javadoc says). A guest or an
//!   account that is not a member is 404.
//! - **Kick.** The operator is the creator or a manager, and outranks the target: the
//!   creator kicks anyone but itself, a manager only members that are neither the creator
//!   nor a manager (the client member guide's rule for managers; the operator rules of
//!   roles and bans, shared), else 403. The target
//!   must be online (404: the Java SDK's live test kicks a never-entered account). Every
//!   connection of the target is dropped, as if it left: a guest stops being a member; a
//!   fixed member keeps its role, bans and profile. A kick is no ban: it may enter again.

use super::member_view::MemberView;
use super::model::{Member, SessionProfile};
use super::roles::check_operator;
use super::{ChatroomError, Chatrooms, Room};

/// Which members a list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MemberFilter {
    /// Fixed members, online or not (v1 `type=0`, v2 listFixedMembers).
    Fixed,
    /// Present members that are not fixed: guests, anonymous guests, virtual members (v1
    /// `type=1`).
    OnlineGuests,
    /// Fixed members that are online (v1 `type=2`).
    OnlineFixed,
    /// Every present member (v2 listOnlineMembers).
    Online,
}

impl MemberFilter {
    /// Whether `member` belongs to the list.
    fn admits(self, member: &Member) -> bool {
        let fixed = member.kept_offline();
        match self {
            MemberFilter::Fixed => fixed,
            MemberFilter::OnlineGuests => present(member) && !fixed,
            MemberFilter::OnlineFixed => member.online() && fixed,
            MemberFilter::Online => present(member),
        }
    }
}

/// Whether `member` is in the room now: online, or a virtual member.
pub(crate) fn present(member: &Member) -> bool {
    member.online() || member.is_robot()
}

/// A profile change (v1 `updateMyRoomRole`, v2 `updateOnlineMemberInfo`); `None` keeps a
/// value.
#[derive(Debug, Clone, Default)]
pub(crate) struct ProfileChange {
    pub(crate) nick: Option<String>,
    pub(crate) avatar: Option<String>,
    pub(crate) ext: Option<String>,
    /// Keep it (v1 `save`, v2 `persistence`): effective for fixed members only.
    pub(crate) persist: bool,
}

/// What a [`ProfileChange`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ProfileOutcome {
    /// Kept on a fixed member.
    Saved,
    /// Applied to the current connections.
    Session,
    /// Nothing: a fixed member, offline, without `persist`.
    Nothing,
}

/// A tag change (v1 `updateChatRoomRoleTag`, v2 `modifyMemberTags`).
#[derive(Debug, Clone, Default)]
pub(crate) struct TagChange {
    /// The new tag set (`None` keeps it).
    pub(crate) tags: Option<Vec<String>>,
    /// The new notification expression (`None` keeps it).
    pub(crate) notify_target_tags: Option<String>,
}

impl Room {
    /// Member `accid`'s view, if it is a member (fixed or present).
    pub(crate) fn member_view<'a>(&'a self, accid: &'a str, now: u64) -> Option<MemberView<'a>> {
        let (accid, member) = self.members.get_key_value(accid)?;
        Some(MemberView::of(self, accid, member, now))
    }

    /// The members `filter` admits that `extra` accepts, newest first.
    pub(crate) fn members_where(
        &self,
        filter: MemberFilter,
        extra: impl Fn(&Member) -> bool,
        now: u64,
    ) -> Vec<MemberView<'_>> {
        let mut views: Vec<MemberView<'_>> = self
            .members
            .iter()
            .filter(|(_, m)| filter.admits(m) && extra(m))
            .map(|(accid, m)| MemberView::of(self, accid, m, now))
            .collect();
        sort_newest_first(&mut views);
        views
    }

    /// One view per live connection carrying `tag`, newest first.
    pub(crate) fn tagged_connections(&self, tag: &str, now: u64) -> Vec<MemberView<'_>> {
        let mut views: Vec<MemberView<'_>> = self
            .members
            .iter()
            .filter(|(_, m)| m.tags.iter().any(|t| t == tag))
            .flat_map(|(accid, m)| {
                m.connections
                    .iter()
                    .map(move |c| MemberView::of(self, accid, m, now).on(c))
            })
            .collect();
        sort_newest_first(&mut views);
        views
    }

    /// How many online accounts carry `tag` (each once, however many connections).
    pub(crate) fn tagged_count(&self, tag: &str) -> usize {
        self.members
            .values()
            .filter(|m| m.online() && m.tags.iter().any(|t| t == tag))
            .count()
    }
}

/// Newest first, ties by account id; then equal times are spread a millisecond apart
/// (each later one moved just before the one listed above it), so an `endtime` page, cut
/// strictly before the last item's time, never skips a member.
fn sort_newest_first(views: &mut [MemberView<'_>]) {
    views.sort_by(|a, b| {
        b.enter_time()
            .cmp(&a.enter_time())
            .then_with(|| a.accid().cmp(b.accid()))
    });
    for i in 1..views.len() {
        let above = views[i - 1].enter_time();
        if views[i].enter_time() >= above {
            views[i] = views[i].at(above.saturating_sub(1));
        }
    }
}

/// The v1 page: the views strictly earlier than `endtime` (0: no bound), at most `limit`.
pub(crate) fn page_before(
    views: Vec<MemberView<'_>>,
    endtime: u64,
    limit: usize,
) -> Vec<MemberView<'_>> {
    views
        .into_iter()
        .filter(|v| endtime == 0 || v.enter_time() < endtime)
        .take(limit)
        .collect()
}

/// A v2 page cut by offset: the items, whether more follow, and the next offset.
pub(crate) fn page_at<T>(items: Vec<T>, offset: usize, limit: usize) -> (Vec<T>, bool, usize) {
    let total = items.len();
    let page: Vec<T> = items.into_iter().skip(offset).take(limit).collect();
    let next = offset.saturating_add(page.len());
    (page, next < total, next)
}

impl Chatrooms {
    /// Applies `change` to member `accid` of room `id` (see the module's rules).
    pub(crate) fn update_profile(
        &mut self,
        id: u64,
        accid: &str,
        change: ProfileChange,
    ) -> Result<ProfileOutcome, ChatroomError> {
        let room = self.get_mut(id)?;
        let member = room
            .members
            .get_mut(accid)
            .ok_or_else(|| ChatroomError::NotMember {
                room: id,
                accid: accid.to_owned(),
            })?;
        let fixed = member.kept_offline();
        if fixed && change.persist {
            for (field, value) in [
                (&mut member.nick, &change.nick),
                (&mut member.avatar, &change.avatar),
                (&mut member.ext, &change.ext),
            ] {
                if value.is_some() {
                    field.clone_from(value);
                }
            }
            // The saved values show on the current connections too.
            if let Some(session) = &mut member.session {
                clear_overridden(session, &change);
            }
            return Ok(ProfileOutcome::Saved);
        }
        if !present(member) {
            return if fixed {
                Ok(ProfileOutcome::Nothing)
            } else {
                Err(ChatroomError::NotOnline {
                    room: id,
                    accid: accid.to_owned(),
                })
            };
        }
        let session = member.session.get_or_insert_with(SessionProfile::default);
        for (field, value) in [
            (&mut session.nick, change.nick),
            (&mut session.avatar, change.avatar),
            (&mut session.ext, change.ext),
        ] {
            if value.is_some() {
                *field = value;
            }
        }
        Ok(ProfileOutcome::Session)
    }

    /// Replaces online member `accid`'s tags and notification expression; 404 when it is
    /// not online in room `id`.
    pub(crate) fn set_tags(
        &mut self,
        id: u64,
        accid: &str,
        change: TagChange,
    ) -> Result<(), ChatroomError> {
        let room = self.get_mut(id)?;
        let member = room
            .members
            .get_mut(accid)
            // Tag queries see live connections only, so a virtual member takes no tags.
            .filter(|m| m.online())
            .ok_or_else(|| ChatroomError::NotOnline {
                room: id,
                accid: accid.to_owned(),
            })?;
        if let Some(tags) = change.tags {
            member.tags = tags;
        }
        if let Some(expression) = change.notify_target_tags {
            member.notify_target_tags = (!expression.is_empty()).then_some(expression);
        }
        Ok(())
    }

    /// `operator` kicks `target` out of room `id` (see the module's rules).
    pub(crate) fn kick(
        &mut self,
        id: u64,
        operator: &str,
        target: &str,
        now: u64,
    ) -> Result<(), ChatroomError> {
        let room = self.get(id)?;
        check_operator(room, Some(operator), target, false)?;
        if !room.members.get(target).is_some_and(Member::online) {
            return Err(ChatroomError::NotOnline {
                room: id,
                accid: target.to_owned(),
            });
        }
        self.leave(id, target, None, now)
    }
}

/// Drops the session values a saved change replaced, so the saved ones show.
fn clear_overridden(session: &mut SessionProfile, change: &ProfileChange) {
    if change.nick.is_some() {
        session.nick = None;
    }
    if change.avatar.is_some() {
        session.avatar = None;
    }
    if change.ext.is_some() {
        session.ext = None;
    }
}

/// The most tags a member carries (the client tag guide).
pub(crate) const TAGS_MAX: usize = 10;
/// The longest tag, in characters (the client tag guide).
pub(crate) const TAG_MAX: usize = 32;
/// The longest tag expression (`notifyTargetTags`), in characters (the v2 Java SDK).
pub(crate) const EXPRESSION_MAX: usize = 128;

/// Refuses a tag set over [`TAGS_MAX`] tags or with a tag over [`TAG_MAX`] characters or
/// empty (414), in both protocols' words: `field` names the parameter.
pub(crate) fn check_tags(field: &str, tags: &[String]) -> Result<(), ChatroomError> {
    if tags.len() > TAGS_MAX {
        return Err(ChatroomError::Refused {
            desc: format!(
                "{field} has {} tags, at most {TAGS_MAX} allowed",
                tags.len()
            ),
        });
    }
    match tags
        .iter()
        .position(|t| t.is_empty() || t.chars().count() > TAG_MAX)
    {
        Some(i) => Err(ChatroomError::Refused {
            desc: format!("{field}[{i}] must be 1 to {TAG_MAX} characters"),
        }),
        None => Ok(()),
    }
}
