//! The throwaway demo keys of `assets/demo/` (see its README), compiled in. They play Alipay's
//! keys and the developer's app key in the built-in demo and the scenario gallery; they have
//! nothing to do with Alipay.

/// The key texts the scenarios are built from. Any set of the same shape works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoKeys<'a> {
    /// The private key that plays Alipay's signing key (PEM or bare base64).
    pub alipay_private_key_pem: &'a str,
    /// Its public key, as loaded in the public-key slot.
    pub alipay_public_key: &'a str,
    /// The AES key, base64 as the console shows it.
    pub aes_key: &'a str,
    /// An unrelated public key that plays the developer's own app public key (应用公钥).
    pub app_public_key: &'a str,
}

/// The bundled demo keys.
pub const DEMO: DemoKeys<'static> = DemoKeys {
    alipay_private_key_pem: include_str!("../../../assets/demo/demo_alipay_private_key.pem"),
    alipay_public_key: include_str!("../../../assets/demo/demo_alipay_public_key.txt"),
    aes_key: include_str!("../../../assets/demo/demo_aes_key.txt"),
    app_public_key: include_str!("../../../assets/demo/demo_app_public_key.txt"),
};

/// The built-in demo response: a signed, encrypted `res.response` of a success payload, made with
/// [`DEMO`]'s keys.
pub const RESPONSE: &str = include_str!("../../../assets/demo/demo_response.json");
