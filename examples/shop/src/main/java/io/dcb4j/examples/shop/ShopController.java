package io.dcb4j.examples.shop;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Capability;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.spring.BillingProviderRegistry;
import io.dcb4j.spring.test.RunningSimulators;
import io.dcb4j.testkit.Simulator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The shop's pages. Every billing call goes through the starter's {@link BillingProvider} beans. */
@Controller
class ShopController {

    private final BillingProviderRegistry providers;
    private final Orders orders;
    private final Optional<RunningSimulators> simulators;
    private final Environment environment;

    ShopController(BillingProviderRegistry providers, Orders orders, ObjectProvider<RunningSimulators> simulators,
            Environment environment) {
        this.providers = providers;
        this.orders = orders;
        this.simulators = Optional.ofNullable(simulators.getIfAvailable());
        this.environment = environment;
    }

    /** The providers that sell the pass by PIN, with a phone number to try (the simulator's, in the demo). */
    private List<Map<String, String>> choices() {
        return providers.asMap().values().stream().filter(p -> p.supports(Capability.PIN_SUBSCRIPTION))
                .map(p -> Map.of("id", p.id(), "sample", simulators.map(s -> "+" + s.get(p.id()).sampleMsisdn()
                        .digits()).orElse(""))).toList();
    }

    @GetMapping("/")
    String product(Model model) {
        model.addAttribute("providers", choices());
        model.addAttribute("demo", simulators.isPresent());
        return "product";
    }

    @PostMapping("/subscribe")
    String subscribe(@RequestParam String provider, @RequestParam String msisdn, Model model) {
        BillingProvider billing = providers.find(provider).orElse(null);
        if (billing == null || billing.pinSubscriptions().isEmpty()) {
            return error(model, "This payment option is not available.");
        }
        Msisdn number;
        try {
            number = Msisdn.of(msisdn);
        } catch (IllegalArgumentException e) {
            return error(model, "Please enter your mobile number with its country code.");
        }
        Order order = orders.create(provider, number);
        try {
            order.challenge = billing.pinSubscriptions().get().requestPin(request(provider, number));
        } catch (DcbException e) {
            return error(model, "The operator could not start the subscription: " + e.getClass().getSimpleName());
        }
        return "redirect:/orders/" + order.id;
    }

    /** The offer: the simulator's in the demo, else {@code shop.offer.<provider>}. */
    private SubscribeRequest request(String provider, Msisdn msisdn) {
        if (simulators.isPresent()) {
            return simulators.get().get(provider).sampleSubscribeRequest(msisdn);
        }
        return SubscribeRequest.of(msisdn, OfferId.of(environment.getRequiredProperty("shop.offer." + provider)));
    }

    @GetMapping("/orders/{id}")
    String order(@PathVariable String id, Model model) {
        Order order = orders.find(id).orElse(null);
        if (order == null) {
            return error(model, "No such order.");
        }
        model.addAttribute("order", view(order, true));
        return "order";
    }

    /** The order as JSON, which the page polls so that callbacks show without a reload. */
    @GetMapping("/orders/{id}/state")
    @ResponseBody
    ResponseEntity<OrderView> state(@PathVariable String id) {
        return orders.find(id).map(o -> ResponseEntity.ok(view(o, false)))
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/orders/{id}/pin")
    String confirm(@PathVariable String id, @RequestParam String pin, Model model) {
        Order order = orders.find(id).orElse(null);
        if (order == null || order.challenge == null) {
            return error(model, "No such order.");
        }
        BillingProvider billing = providers.require(order.provider);
        try {
            SubscriptionResult result = billing.pinSubscriptions().orElseThrow().confirmPin(order.challenge,
                    pin.strip());
            synchronized (order) {
                order.state = result.state().name();
                order.message = "Thank you: your subscription is " + result.state().name().toLowerCase() + ".";
            }
            orders.subscribed(order, result.subscription());
        } catch (InvalidPinException e) {
            synchronized (order) {
                order.message = "That PIN is not right; please try again.";
            }
        } catch (DcbException e) {
            synchronized (order) {
                order.state = "FAILED";
                order.message = "The operator refused the subscription: " + e.getClass().getSimpleName();
            }
        }
        return "redirect:/orders/" + id;
    }

    @PostMapping("/orders/{id}/cancel")
    String cancel(@PathVariable String id, Model model) {
        Order order = orders.find(id).orElse(null);
        if (order == null || order.subscription == null) {
            return error(model, "No such subscription.");
        }
        BillingProvider billing = providers.require(order.provider);
        try {
            CancelResult result = billing.cancellations().orElseThrow().cancel(order.subscription);
            synchronized (order) {
                order.state = result.state().name();
                order.message = "Your subscription is cancelled.";
            }
        } catch (DcbException e) {
            synchronized (order) {
                order.message = "The operator could not cancel: " + e.getClass().getSimpleName();
            }
        }
        return "redirect:/orders/" + id;
    }

    /** The order; with the provider's status only for the page itself, not for each poll. */
    private OrderView view(Order order, boolean askProvider) {
        BillingProvider billing = providers.require(order.provider);
        String providerState = null;
        if (askProvider && order.subscription != null && billing.subscriptions().isPresent()) {
            try {
                providerState = billing.subscriptions().get().status(order.subscription).state().name();
            } catch (DcbException e) {
                providerState = "unknown (" + e.getClass().getSimpleName() + ")";
            }
        }
        String sms = simulators.map(s -> s.get(order.provider)).flatMap((Simulator s) -> s.pinSentTo(order.msisdn))
                .map(pin -> "Your PIN is " + pin).orElse(null);
        return order.view(providerState, sms);
    }

    private static String error(Model model, String message) {
        model.addAttribute("message", message);
        return "error-page";
    }
}
