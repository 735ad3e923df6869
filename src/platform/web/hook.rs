//! `window.__apd_state()`: what the browser test reads from the running page. It reports the
//! verdict and the page's progress only: no key, no paste, no payload.

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;

/// What the hook reports.
#[derive(Debug, Clone, Default)]
pub struct PageState {
    /// The diagnosis category on show (its code, such as `ok`).
    pub category: String,
    /// Frames drawn so far.
    pub frames: u64,
    /// `performance.now()` at the first frame: milliseconds since navigation started.
    pub first_frame_ms: Option<f64>,
    /// UI language code.
    pub lang: &'static str,
    /// The built-in demo is on show.
    pub demo: bool,
    /// The notices on show, as wording keys.
    pub notices: Vec<&'static str>,
}

thread_local! {
    static STATE: RefCell<PageState> = RefCell::new(PageState::default());
}

/// Records what the hook reports; `frames` counts the calls, and the first call notes the time.
pub fn publish(update: impl FnOnce(&mut PageState)) {
    STATE.with(|state| {
        let mut state = state.borrow_mut();
        state.frames += 1;
        if state.first_frame_ms.is_none() {
            state.first_frame_ms = web_sys::window()
                .and_then(|window| window.performance())
                .map(|performance| performance.now());
        }
        update(&mut state);
    });
}

/// Installs `window.__apd_state()`, returning `{category, frames, firstFrameMs, lang, demo,
/// notices}`.
pub(super) fn install() {
    let hook = Closure::<dyn Fn() -> JsValue>::new(|| STATE.with(|state| to_js(&state.borrow())));
    if let Some(window) = web_sys::window()
        && js_sys::Reflect::set(
            &window,
            &JsValue::from_str("__apd_state"),
            &hook.into_js_value(),
        )
        .is_err()
    {
        log::warn!("cannot install the state hook");
    }
}

fn to_js(state: &PageState) -> JsValue {
    let object = js_sys::Object::new();
    let notices: js_sys::Array = state
        .notices
        .iter()
        .map(|key| JsValue::from_str(key))
        .collect();
    // Frame counts stay far below 2^53, where f64 is exact.
    let frames = state.frames as f64;
    let fields: [(&str, JsValue); 6] = [
        ("category", JsValue::from_str(&state.category)),
        ("frames", JsValue::from_f64(frames)),
        (
            "firstFrameMs",
            state
                .first_frame_ms
                .map_or(JsValue::NULL, JsValue::from_f64),
        ),
        ("lang", JsValue::from_str(state.lang)),
        ("demo", JsValue::from_bool(state.demo)),
        ("notices", notices.into()),
    ];
    for (name, value) in fields {
        if js_sys::Reflect::set(&object, &JsValue::from_str(name), &value).is_err() {
            log::warn!("cannot set {name} on the state object");
        }
    }
    JsValue::from(object)
}
