using System;
using System.Collections.Generic;

namespace PinterestAds.Engine.Logging
{
    /// <summary>
    /// Masks the actual secret values of one session (every access and refresh token it has held, the
    /// client secret) in any text, whatever surrounds them: a server that echoes the token in an error
    /// message must not get it into an error record, a log line or a transcript.
    /// </summary>
    internal sealed class SecretMasker
    {
        public static readonly SecretMasker None = new SecretMasker(() => Array.Empty<string?>());

        private readonly Func<IEnumerable<string?>> _secrets;

        public SecretMasker(Func<IEnumerable<string?>> secrets) => _secrets = secrets;

        /// <summary>Pattern-based redaction (<see cref="Redactor.Text"/>) and then every known secret masked.</summary>
        public string Mask(string? text) => string.IsNullOrEmpty(text) ? text ?? "" : Redactor.Secrets(Redactor.Text(text), _secrets());

        /// <summary>Null stays null; anything else is masked.</summary>
        public string? MaskOrNull(string? text) => text == null ? null : Mask(text);
    }
}
