//! The browser's file dialog, dropped files, the asynchronous clipboard and downloads. Every
//! answer arrives later as a [`Delivery`].

use wasm_bindgen::JsCast as _;
use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;

use super::{Delivery, FileError, FilePurpose, PastePurpose, deliver};
use crate::domain::MAX_INPUT_BYTES;

/// Opens the browser's file dialog (`accept`: the offered extensions, empty for any file); each
/// chosen file arrives as a [`Delivery::File`]. [`FilePurpose::SourceFile`] lets the user choose
/// several. Browsers allow this only shortly after a click or key press, which is when the app
/// calls it.
pub fn pick_file(purpose: FilePurpose, accept: &str) {
    let input = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_element("input").ok())
        .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok());
    let Some(input) = input else {
        log::warn!("cannot create the file input");
        return;
    };
    input.set_type("file");
    if !accept.is_empty() {
        input.set_accept(accept);
    }
    input.set_multiple(purpose == FilePurpose::SourceFile);
    let chosen = input.clone();
    let on_change = Closure::once_into_js(move || {
        let Some(files) = chosen.files() else {
            return;
        };
        for index in 0..files.length() {
            if let Some(file) = files.get(index) {
                read_file(purpose, file);
            }
        }
    });
    input.set_onchange(Some(on_change.unchecked_ref()));
    input.click();
}

/// Reads a file dropped on the window; its bytes arrive as a [`Delivery::File`].
pub fn read_dropped(file: &egui::DroppedFileHandle) {
    let file = std::sync::Arc::clone(file);
    wasm_bindgen_futures::spawn_local(async move {
        let name = file.path().to_string_lossy().into_owned();
        let bytes = match file.bytes_async().await {
            Ok(bytes) if bytes.len() > MAX_INPUT_BYTES => {
                Err(FileError::TooLarge { bytes: bytes.len() })
            }
            Ok(bytes) => Ok(bytes),
            Err(message) => Err(FileError::Browser(message)),
        };
        deliver(Delivery::File {
            purpose: FilePurpose::Dropped,
            name,
            bytes,
        });
    });
}

fn read_file(purpose: FilePurpose, file: web_sys::File) {
    wasm_bindgen_futures::spawn_local(async move {
        let name = file.name();
        // A float-to-integer `as` saturates: a size beyond usize stays over the limit.
        let size = file.size() as usize;
        let bytes = if size > MAX_INPUT_BYTES {
            Err(FileError::TooLarge { bytes: size })
        } else {
            wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                .await
                .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
                .map_err(|error| FileError::Browser(js_error(&error)))
        };
        deliver(Delivery::File {
            purpose,
            name,
            bytes,
        });
    });
}

/// Asks the browser for the clipboard's text (it may ask the user first); the answer arrives as
/// a [`Delivery::Clipboard`].
pub fn read_clipboard(purpose: PastePurpose) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = window.navigator().clipboard().read_text();
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map_err(|error| js_error(&error))
            .and_then(|text| text.as_string().ok_or_else(String::new));
        deliver(Delivery::Clipboard { purpose, text });
    });
}

/// Offers `text` as a file download named `file_name`, made in the page from a blob: no request
/// leaves the page. `Err` holds the browser's message.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|error| js_error(&error))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|error| js_error(&error))?;
    let anchor = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_element("a").ok())
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| "no document".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url).map_err(|error| js_error(&error))?;
    Ok(())
}

/// The browser's message for a rejected promise or thrown value.
pub(super) fn js_error(error: &JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()))
        })
        .unwrap_or_else(|| format!("{error:?}"))
}
