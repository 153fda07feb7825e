//! nim-rs: the CommsEase (NetEase Yunxin) IM server API. (Being built: see issue 5.)
#![forbid(unsafe_code)]
