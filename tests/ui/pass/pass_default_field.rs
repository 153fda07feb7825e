// A `default` field is always sent, starts at its `Default`, is no argument of `new` and has
// a setter.
use nim_api::Endpoint;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Online,
    Custom,
}

impl nim_api::FormValue for Kind {
    fn write_form(&self, name: &str, form: &mut nim_api::Form) {
        let number: u8 = match self {
            Kind::Online => 1,
            Kind::Custom => 2,
        };
        number.write_form(name, form);
    }
}

#[derive(nim_api::Endpoint)]
#[nim(path = "event/subscribe/batchdel.action", idempotent, setters)]
pub struct BatchDelete {
    pub accid: nim_api::Accid,
    #[nim(rename = "eventType", default)]
    pub event_type: Kind,
    #[nim(default, max = 10)]
    pub count: u32,
}

fn main() {
    let request = BatchDelete::new("ZhangSan");
    assert_eq!(request.to_form().unwrap(), "accid=zhangsan&eventType=1&count=0");
    let changed = BatchDelete::new("zhangsan").event_type(Kind::Custom).count(3);
    assert_eq!(changed.to_form().unwrap(), "accid=zhangsan&eventType=2&count=3");
    assert_eq!(BatchDelete::new("a").count(11).validate().unwrap_err().field(), "count");
}
