// Loads the app: the WebAssembly module and its JavaScript glue are files beside this one.
import init from "./alipay-phone-doctor.js";

init().catch((error) => {
  const loading = document.getElementById("apd_loading");
  if (loading) {
    loading.textContent = `${loading.dataset.failed} ${error}`;
  }
});
