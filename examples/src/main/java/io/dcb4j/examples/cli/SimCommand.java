package io.dcb4j.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcb4j.core.ProviderText;
import io.dcb4j.core.model.NextAction;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dcb sim ...}: plays the subscriber or the provider on the simulators {@code dcb simulate} runs,
 * through its admin API.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Play the subscriber or the provider on 'dcb simulate'.",
                "Read the PIN sent by SMS, approve or deny a consent page, settle or fail a",
                "charge, renew a subscription, list the callbacks sent, stop the simulators."},
        subcommands = {SimCommand.Pin.class, SimCommand.Approve.class, SimCommand.Deny.class, SimCommand.Settle.class,
                SimCommand.Fail.class, SimCommand.Renew.class, SimCommand.Callbacks.class, SimCommand.Stop.class})
final class SimCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The {@code dcb sim} command that plays the subscriber's part of a next action.
     *
     * @param provider the provider id
     * @param action the action a charge or a PIN request returned
     * @return the arguments after {@code dcb}
     */
    static List<String> actFor(String provider, NextAction action) {
        List<String> args = new ArrayList<>(List.of("sim", "approve", provider));
        if (action instanceof NextAction.Redirect r) {
            args.add(r.url());
        } else if (action instanceof NextAction.SendSms s) {
            args.addAll(List.of("--sms", s.keyword(), "--shortcode", s.shortcode()));
        } else if (action instanceof NextAction.SolveCaptcha c) {
            args.addAll(List.of("--captcha", c.imageUrl()));
        }
        return args;
    }

    /** Where the admin API is. */
    static final class Admin {
        @Option(names = "--admin", paramLabel = "URL", description = "The admin API of 'dcb simulate'; default"
                + " DCB_SIM_ADMIN, else http://127.0.0.1:" + SimulateCommand.DEFAULT_PORT + ".")
        String url;

        String url(Map<String, String> env) {
            String u = url != null ? url : env.getOrDefault("DCB_SIM_ADMIN",
                    "http://127.0.0.1:" + SimulateCommand.DEFAULT_PORT);
            Configs.checkUrl("--admin", u);
            return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        }
    }

    /** A {@code dcb sim} verb: one call to the admin API. */
    abstract static class Verb extends CliCommand {
        @Mixin
        Admin admin;

        /** Calls the admin API and returns its JSON answer, or fails with the matching exit code. */
        JsonNode call(String method, String path, Map<String, Object> body) {
            String base = admin.url(env());
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
            if (method.equals("POST")) {
                b.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Output.write(body)));
            } else {
                b.GET();
            }
            HttpResponse<String> answer;
            try {
                answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                        .send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new CliException(ExitCodes.UNKNOWN_OUTCOME, "no simulator admin API at " + base + " ("
                        + e.getClass().getSimpleName() + "): start 'dcb simulate', or give --admin");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.FAILED, "interrupted");
            }
            JsonNode json;
            try {
                json = JSON.readTree(answer.body());
            } catch (IOException e) {
                throw new CliException(ExitCodes.UNKNOWN_OUTCOME, "the admin API at " + base + " answered HTTP "
                        + answer.statusCode() + " without JSON: is it 'dcb simulate'?");
            }
            if (answer.statusCode() != 200) {
                String why = ProviderText.clean(json.path("error").asText("HTTP " + answer.statusCode()));
                int code = switch (answer.statusCode()) {
                    case 501 -> ExitCodes.UNSUPPORTED;
                    case 400, 404, 405, 409 -> ExitCodes.REFUSED;
                    default -> ExitCodes.UNKNOWN_OUTCOME;
                };
                throw new CliException(code, "simulator: " + why);
            }
            return json;
        }

        static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        static String provider(String id) {
            if (id.isBlank() || id.contains("/")) {
                throw CliException.usage("not a provider id: '" + ProviderText.clean(id) + "'");
            }
            return id;
        }
    }

    @Command(name = "pin", mixinStandardHelpOptions = true,
            description = {"Print the PIN the simulator sent by SMS to a subscriber.",
                    "Only the PIN, so that it can be piped into 'dcb confirm'."})
    static final class Pin extends Verb {
        @Parameters(index = "0", paramLabel = "PROVIDER")
        String provider;

        @Option(names = "--msisdn", required = true, description = "The subscriber.")
        String msisdn;

        @Override
        public Integer call() {
            io.dcb4j.core.model.Msisdn m = io.dcb4j.core.model.Msisdn.of(msisdn);
            JsonNode a = call("GET", "/" + provider(provider) + "/pin?msisdn=" + enc(m.digits()), Map.of());
            output().result(a.path("pin").asText(), Output.object("type", "pin", "provider", provider,
                    "msisdn", m.toString(), "pin", a.path("pin").asText()));
            return ExitCodes.OK;
        }
    }

    /** Approve or deny: the subscriber's answer to a consent page, an MO SMS or a captcha. */
    abstract static class Consent extends Verb {
        @Parameters(index = "0", paramLabel = "PROVIDER")
        String provider;

        @Parameters(index = "1", arity = "0..1", paramLabel = "URL",
                description = "The consent page (the REDIRECT URL a charge or subscription printed).")
        String url;

        @Option(names = "--sms", paramLabel = "KEYWORD", description = "The MO SMS keyword to send (SEND_SMS).")
        String keyword;

        @Option(names = "--shortcode", description = "Where the MO SMS goes (with --sms).")
        String shortcode;

        @Option(names = "--captcha", paramLabel = "IMAGE_URL", description = "The captcha to solve (SOLVE_CAPTCHA).")
        String captcha;

        abstract boolean approve();

        @Override
        public Integer call() {
            Map<String, Object> body;
            if (url != null) {
                body = Output.object("url", url);
            } else if (keyword != null || shortcode != null) {
                if (keyword == null || shortcode == null) {
                    throw CliException.usage("--sms needs --shortcode, and the other way round");
                }
                body = Output.object("keyword", keyword, "shortcode", shortcode);
            } else if (captcha != null) {
                body = Output.object("imageUrl", captcha);
            } else {
                throw CliException.usage("give the consent page URL, --sms with --shortcode, or --captcha");
            }
            JsonNode a = call("POST", "/" + provider(provider) + (approve() ? "/approve" : "/deny"), body);
            String verdict = approve() ? "approved" : "denied";
            output().result("subscriber " + verdict + " " + a.path("action").asText() + " on " + provider,
                    Output.object("type", "subscriber", "provider", provider, "action", a.path("action").asText(),
                            "subscriber", verdict));
            return ExitCodes.OK;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "As the subscriber, approve a consent page, send the MO SMS or solve the captcha.")
    static final class Approve extends Consent {
        @Override
        boolean approve() {
            return true;
        }
    }

    @Command(name = "deny", mixinStandardHelpOptions = true,
            description = "As the subscriber, deny a consent page, an MO SMS or a captcha.")
    static final class Deny extends Consent {
        @Override
        boolean approve() {
            return false;
        }
    }

    /** Settle or fail a charge as the provider. */
    abstract static class Settlement extends Verb {
        @Parameters(index = "0", paramLabel = "PROVIDER")
        String provider;

        @Option(names = "--charge", required = true, paramLabel = "ID", description = "The charge id.")
        String charge;

        abstract String verb();

        @Override
        public Integer call() {
            call("POST", "/" + provider(provider) + "/" + verb(), Output.object("charge", charge));
            String done = verb().equals("settle") ? "settled" : "failed";
            output().result("charge " + ProviderText.printable(charge) + " " + done + " on " + provider,
                    Output.object("type", "settlement", "provider", provider, "chargeId", charge, "settled", done));
            return ExitCodes.OK;
        }
    }

    @Command(name = "settle", mixinStandardHelpOptions = true,
            description = {"As the provider, settle a charge that is still processing.",
                    "It succeeds, or fails as its magic MSISDN says."})
    static final class Settle extends Settlement {
        @Override
        String verb() {
            return "settle";
        }
    }

    @Command(name = "fail", mixinStandardHelpOptions = true,
            description = "As the provider, fail a charge that is still processing, for lack of funds.")
    static final class Fail extends Settlement {
        @Override
        String verb() {
            return "fail";
        }
    }

    @Command(name = "renew", mixinStandardHelpOptions = true,
            description = {"As the provider, renew a subscription now and send the renewal callback.",
                    "For providers that renew by themselves: eklectic by --subscription,",
                    "infomedia by --msisdn and --offer."})
    static final class Renew extends Verb {
        @Parameters(index = "0", paramLabel = "PROVIDER")
        String provider;

        @Option(names = "--subscription", paramLabel = "ID", description = "The subscription id.")
        String subscription;

        @Option(names = "--msisdn", description = "The subscriber.")
        String msisdn;

        @Option(names = "--offer", description = "The offer or product.")
        String offer;

        @Override
        public Integer call() {
            if (subscription == null && msisdn == null) {
                throw CliException.usage("give --subscription, or --msisdn with --offer");
            }
            call("POST", "/" + provider(provider) + "/renew", Output.object("subscription", subscription,
                    "msisdn", msisdn == null ? null : io.dcb4j.core.model.Msisdn.of(msisdn).digits(), "offer", offer));
            output().result("renewed on " + provider, Output.object("type", "renewal", "provider", provider,
                    "subscriptionId", subscription));
            return ExitCodes.OK;
        }
    }

    @Command(name = "callbacks", mixinStandardHelpOptions = true,
            description = "List the callbacks a simulator has sent so far (secrets and numbers masked).")
    static final class Callbacks extends Verb {
        @Parameters(index = "0", paramLabel = "PROVIDER")
        String provider;

        @Override
        public Integer call() {
            JsonNode a = call("GET", "/" + provider(provider) + "/callbacks", Map.of());
            for (JsonNode c : a.path("callbacks")) {
                StringBuilder query = new StringBuilder();
                Map<String, Object> params = new java.util.LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = c.path("query").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String value = masked(e.getKey(), e.getValue().asText());
                    params.put(e.getKey(), value);
                    query.append(query.length() == 0 ? "?" : "&").append(e.getKey()).append('=').append(value);
                }
                String body = ProviderText.clean(c.path("body").asText(""));
                output().result(c.path("method").asText() + " " + c.path("path").asText() + query
                        + (body.isEmpty() ? "" : " " + body), Output.object("type", "callback", "provider", provider,
                        "method", c.path("method").asText(), "path", c.path("path").asText(), "query", params,
                        "body", body.isEmpty() ? null : body));
            }
            return ExitCodes.OK;
        }
    }

    /** A callback parameter as printed: secrets hidden, numbers masked, ids kept copyable. */
    static String masked(String name, String value) {
        String key = name.toLowerCase(java.util.Locale.ROOT);
        if (key.contains("secret") || key.contains("signature") || key.contains("token")) {
            return "***";
        }
        if (key.equals("msisdn") || key.equals("phone") || key.equals("mx") || key.equals("subscriber")) {
            return io.dcb4j.core.model.Msisdn.isValid(value) ? io.dcb4j.core.model.Msisdn.of(value).toString() : "***";
        }
        return ProviderText.printable(value);
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop 'dcb simulate'.")
    static final class Stop extends Verb {
        @Override
        public Integer call() {
            call("POST", "/stop", Map.of());
            output().result("simulators stopping", Output.object("type", "stopping"));
            return ExitCodes.OK;
        }
    }
}
