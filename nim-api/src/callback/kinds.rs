//! The names and codes callback members take. Each enum keeps a value it does not know in
//! `Other`, so a new value on the wire never fails a callback.

use super::lenient::{code_enum, text_enum};

text_enum! {
    /// The kind of client an account used (`clientType`, `fromClientType`).
    pub enum ClientType {
        /// Android (`AOS`, code 1).
        Aos = "AOS",
        /// iOS (`IOS`, code 2).
        Ios = "IOS",
        /// Windows / desktop (`PC`, code 4).
        Pc = "PC",
        /// Web (`WEB`, code 16).
        Web = "WEB",
        /// The server API (`REST`, code 32).
        Rest = "REST",
        /// macOS (`MAC`, code 64).
        Mac = "MAC",
        /// HarmonyOS (`HARMONY`, code 65).
        Harmony = "HARMONY",
        /// Windows Phone (`WINPHONE`, in older docs).
        WinPhone = "WINPHONE",
    }
}

text_enum! {
    /// What a conversation copy (eventType 1) carries (`convType`).
    pub enum ConvType {
        /// A one-to-one message (`PERSON`).
        Person = "PERSON",
        /// An advanced-team message (`TEAM`).
        Team = "TEAM",
        /// A super-team message (`SUPER_TEAM`).
        SuperTeam = "SUPER_TEAM",
        /// A one-to-one custom notification or a built-in friend notification
        /// (`CUSTOM_PERSON`).
        CustomPerson = "CUSTOM_PERSON",
        /// A team custom notification or a built-in team notification (`CUSTOM_TEAM`).
        CustomTeam = "CUSTOM_TEAM",
    }
}

text_enum! {
    /// What a chatroom member did (eventType 9, `event`).
    pub enum ChatroomMemberEvent {
        /// Entered the chatroom (`IN`).
        In = "IN",
        /// Left it, or dropped off (`OUT`).
        Out = "OUT",
        /// Was kicked out (`KICK`).
        Kick = "KICK",
    }
}

text_enum! {
    /// Why a chatroom member went offline (eventType 9, `logOutReason`; sent only when the
    /// console enables it).
    pub enum ChatroomLeaveReason {
        /// Went offline (`OFFLINE`).
        Offline = "OFFLINE",
        /// Was removed (`KICK`).
        Kick = "KICK",
        /// Was pushed out by the same account's other device (`LOGIN_KICK`).
        LoginKick = "LOGIN_KICK",
        /// Left on purpose (`EXIT`).
        Exit = "EXIT",
    }
}

code_enum! {
    /// Why an account logged out (eventType 3, `logOutReason`).
    pub enum LogoutReason: u64 {
        /// The user logged out (`1`).
        UserLogout = 1,
        /// The connection was lost (`2`).
        Disconnected = 2,
        /// The same account's other device kicked it (`3`).
        KickedByOwnDevice = 3,
        /// The multi-device policy kicked it (`4`).
        KickedByPolicy = 4,
    }
}

code_enum! {
    /// Why an intercepting callback failed (eventType 83, `reason`).
    pub enum CallbackFailureReason: u64 {
        /// The app server did not answer in time (`1`).
        Timeout = 1,
        /// The answer was not a valid reply (`2`).
        InvalidReply = 2,
        /// The callback was skipped by the circuit breaker (`3`).
        CircuitBreaker = 3,
    }
}

code_enum! {
    /// Which login failed (eventType 84, `event`).
    pub enum LoginFailureScope: u64 {
        /// A chatroom login (`0`).
        Chatroom = 0,
        /// An IM login (`1`).
        Im = 1,
    }
}

code_enum! {
    /// A chatroom member's role (eventType 9, `roleType`).
    pub enum ChatroomRole: i64 {
        /// Restricted: muted or blocked (`-1`).
        Restricted = -1,
        /// An ordinary member (`0`).
        Normal = 0,
        /// The creator (`1`).
        Creator = 1,
        /// A manager (`2`).
        Manager = 2,
        /// A temporary member, a guest (`3`).
        Guest = 3,
        /// An anonymous member (`4`).
        Anonymous = 4,
    }
}

code_enum! {
    /// What happened to a chatroom queue (eventType 14, `qEvent`).
    pub enum QueueOperation: u64 {
        /// The queue was initialised (`1`).
        Init = 1,
        /// A key and value were added (`2`).
        Add = 2,
        /// A key's value was updated (`3`).
        Update = 3,
        /// An element was deleted (`4`).
        Delete = 4,
        /// An element was taken out (`5`).
        Poll = 5,
        /// The head element was looked at (`6`).
        Peek = 6,
        /// All elements were listed (`7`).
        List = 7,
        /// The queue was emptied (`8`).
        Drop = 8,
        /// Several keys were updated at once (`9`).
        BatchUpdate = 9,
    }
}

code_enum! {
    /// How a login is authenticated (intercept eventTypes 36 and 40, `authType`).
    pub enum AuthType: u64 {
        /// A static token (`0`).
        Token = 0,
        /// A dynamic token (`1`).
        DynamicToken = 1,
        /// The app server decides in this callback; the IM server checks no token (`2`).
        ThirdParty = 2,
    }
}
