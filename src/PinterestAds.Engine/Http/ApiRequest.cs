using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using PinterestAds.Engine.Api;

namespace PinterestAds.Engine.Http
{
    /// <summary>
    /// One call to an operation of the description: path values, query values encoded as that
    /// operation's parameters say, and an optional JSON or form body.
    /// </summary>
    internal sealed class ApiRequest
    {
        private readonly Dictionary<string, string> _pathValues = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly List<KeyValuePair<string, string>> _query = new List<KeyValuePair<string, string>>();

        public ApiRequest(string operationId)
        {
            Operation = ApiCatalog.Current.Operation(operationId);
        }

        public ApiOperation Operation { get; }

        public HttpMethod Method => new HttpMethod(Operation.Method);

        /// <summary>The JSON body, already serialized (UTF-8).</summary>
        public byte[]? JsonBody { get; private set; }

        /// <summary>A form body (the OAuth token endpoint).</summary>
        public IReadOnlyList<KeyValuePair<string, string>>? FormBody { get; private set; }

        public IReadOnlyList<KeyValuePair<string, string>> Query => _query;

        public ApiRequest Path(string name, string value)
        {
            var parameter = Operation.Parameter(name);
            if (parameter.Location != "path") throw new ArgumentException($"'{name}' is not a path parameter of {Operation.Id}.");
            _pathValues[name] = value;
            return this;
        }

        /// <summary>Adds a scalar query value; null values are left out.</summary>
        public ApiRequest QueryValue(string name, string? value)
        {
            if (value == null) return this;
            RequireQueryParameter(name);
            _query.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public ApiRequest QueryValue(string name, int? value) =>
            value.HasValue ? QueryValue(name, value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)) : this;

        public ApiRequest QueryValue(string name, bool? value) =>
            value.HasValue ? QueryValue(name, value.Value ? "true" : "false") : this;

        public ApiRequest QueryValue(string name, DateTime? date) =>
            date.HasValue ? QueryValue(name, ApiDates.Format(date.Value)) : this;

        public ApiRequest QueryValue(string name, Enum? value) =>
            value != null ? QueryValue(name, ApiNames.ToApi(value)) : this;

        /// <summary>
        /// Adds an array value the way the description encodes this parameter: repeated
        /// (<c>explode: true</c>) or comma-joined (<c>explode: false</c>). Empty lists are left out.
        /// </summary>
        public ApiRequest QueryArray(string name, IEnumerable<string>? values)
        {
            if (values == null) return this;
            var list = values.ToList();
            if (list.Count == 0) return this;
            var parameter = RequireQueryParameter(name);
            if (parameter.Explode)
                foreach (var value in list) _query.Add(new KeyValuePair<string, string>(name, value));
            else
                _query.Add(new KeyValuePair<string, string>(name, string.Join(",", list)));
            return this;
        }

        public ApiRequest Json(byte[] utf8Json)
        {
            if (Operation.BodySchema == null && Operation.Method != "POST")
                throw new InvalidOperationException($"{Operation.Id} takes no body.");
            JsonBody = utf8Json;
            return this;
        }

        public ApiRequest Form(IEnumerable<KeyValuePair<string, string>> fields)
        {
            FormBody = fields.ToList();
            return this;
        }

        /// <summary>The request URI under <paramref name="baseUri"/> (which ends in <c>/v5</c> or similar).</summary>
        public Uri BuildUri(Uri baseUri)
        {
            var path = new StringBuilder(Operation.PathTemplate);
            foreach (var parameter in Operation.Parameters.Values.Where(p => p.Location == "path"))
            {
                if (!_pathValues.TryGetValue(parameter.Name, out var value))
                    throw new InvalidOperationException($"Path parameter '{parameter.Name}' of {Operation.Id} was not set.");
                path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value));
            }

            var builder = new StringBuilder(baseUri.AbsoluteUri.TrimEnd('/'));
            builder.Append(path);
            for (int i = 0; i < _query.Count; i++)
            {
                builder.Append(i == 0 ? '?' : '&');
                builder.Append(Uri.EscapeDataString(_query[i].Key)).Append('=').Append(EscapeQueryValue(_query[i].Value));
            }
            return new Uri(builder.ToString());
        }

        public HttpContent? BuildContent()
        {
            if (JsonBody != null)
            {
                var content = new ByteArrayContent(JsonBody);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                return content;
            }
            return FormBody != null ? new FormUrlEncodedContent(FormBody) : null;
        }

        // Commas stay literal: the API expects columns=A,B,C, and a comma is legal in a query value.
        private static string EscapeQueryValue(string value) => Uri.EscapeDataString(value).Replace("%2C", ",");

        private ApiParameter RequireQueryParameter(string name)
        {
            var parameter = Operation.Parameter(name);
            if (parameter.Location != "query") throw new ArgumentException($"'{name}' is not a query parameter of {Operation.Id}.");
            return parameter;
        }
    }
}
