//! Start-up measurement hooks for screenshots and timing.

/// Measurement hooks for screenshots and start-up timing, set by environment variables:
/// `APD_REPORT_FIRST_FRAME=1` prints the time from process start to the first frame on standard
/// error; `APD_EXIT_AFTER_MS=N` closes the window N ms after start.
#[derive(Debug, Clone, Copy)]
pub struct StartupProbe {
    started: std::time::Instant,
    report_first_frame: bool,
    exit_after: Option<std::time::Duration>,
    first_frame_seen: bool,
}

impl StartupProbe {
    /// Reads the environment; `None` when no hook is asked for.
    pub fn from_env(started: std::time::Instant) -> Option<Self> {
        let report_first_frame = crate::platform::env::is_set("APD_REPORT_FIRST_FRAME");
        let exit_after =
            crate::platform::env::number("APD_EXIT_AFTER_MS").map(std::time::Duration::from_millis);
        (report_first_frame || exit_after.is_some()).then_some(Self {
            started,
            report_first_frame,
            exit_after,
            first_frame_seen: false,
        })
    }

    pub(super) fn frame(&mut self, ctx: &egui::Context) {
        if !self.first_frame_seen {
            self.first_frame_seen = true;
            if self.report_first_frame {
                eprintln!(
                    "first frame after {} ms",
                    self.started.elapsed().as_millis()
                );
            }
        }
        if let Some(exit_after) = self.exit_after {
            let elapsed = self.started.elapsed();
            if elapsed >= exit_after {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                ctx.request_repaint_after(exit_after - elapsed);
            }
        }
    }
}
