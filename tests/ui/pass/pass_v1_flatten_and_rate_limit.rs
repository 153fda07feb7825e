// A v1 action whose field writes two form parameters (`FormMembers`), with a documented
// rate limit of its own.
use nim_api::{Endpoint as _, Form, FormMembers, RateLimit};

#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    x: i32,
    y: i32,
}

impl FormMembers for Point {
    fn write_form_members(&self, form: &mut Form) {
        form.append("x", &self.x.to_string());
        form.append("y", &self.y.to_string());
    }
}

#[derive(nim_api::Endpoint)]
#[nim(path = "demo/plot.action", rate_limit = "120/min", setters)]
pub struct Plot {
    pub accid: nim_api::Accid,
    #[nim(flatten)]
    pub point: Point,
    #[nim(flatten)]
    pub extra: Option<Point>,
    pub size: Option<u32>,
}

fn main() {
    let plot = Plot::new("Zhang", Point { x: 1, y: -2 }).size(3);
    assert_eq!(plot.to_form().unwrap(), "accid=zhang&x=1&y=-2&size=3");
    assert_eq!(Plot::RATE_LIMIT, Some(RateLimit::per_minute(120)));
    let with_extra = Plot::new("a", Point { x: 0, y: 0 }).extra(Point { x: 5, y: 6 });
    assert_eq!(with_extra.to_form().unwrap(), "accid=a&x=0&y=0&x=5&y=6");
}
