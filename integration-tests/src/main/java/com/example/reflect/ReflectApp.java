package com.example.reflect;

import com.example.reflect.domain.Price;
import java.lang.reflect.Field;

/**
 * Writes memoized objects through {@code java.lang.reflect.Field}, the way mappers and test
 * fixtures do, and prints what it observed as {@code RESULT name key=value...} lines. Each
 * {@code scenario*} method is a request boundary ({@code requests.entry-points}). Runs to the end
 * and exits; the last line tells the test harness that the run is complete.
 */
public final class ReflectApp {
    private final PriceRepository prices = new PriceRepository();
    private final StrictRepository strict = new StrictRepository();
    private final Field amount;
    private final Field currency;

    private ReflectApp() throws NoSuchFieldException {
        amount = Price.class.getDeclaredField("amount");
        amount.setAccessible(true);
        currency = Price.class.getDeclaredField("currency");
        currency.setAccessible(true);
    }

    public static void main(String[] args) throws Exception {
        ReflectApp app = new ReflectApp();
        app.scenarioInvalidate();
        app.scenarioFail();
        app.scenarioRepeat();
        app.scenarioUncached();
        // the harness waits for this line; there is no server, the run is complete
        System.out.println("LISTENING port=0");
    }

    public void scenarioInvalidate() throws IllegalAccessException {
        Price first = prices.findPrice("a");
        amount.setInt(first, 5);
        Price second = prices.findPrice("a");
        Price third = prices.findPrice("a");
        currency.set(third, "GBP");
        Price fourth = prices.findPrice("a");
        result("invalidate", "reloadedAfterSetInt=" + (second != first),
                "reloadedAfterSet=" + (fourth != third), "written=" + first.getAmount() + "/" + third.getCurrency(),
                "loads=" + prices.loads);
    }

    public void scenarioFail() {
        Price price = strict.findPrice("b");
        String thrown = "none";
        String message = "";
        try {
            amount.setInt(price, 7);
        } catch (RuntimeException | IllegalAccessException e) {
            thrown = e.getClass().getName();
            message = e.getMessage();
        }
        Price again = strict.findPrice("b");
        result("fail", "thrown=" + thrown, "amount=" + price.getAmount(), "stillCached=" + (again == price),
                "loads=" + strict.loads, "message=" + message);
    }

    public void scenarioRepeat() throws IllegalAccessException {
        int before = prices.loads;
        for (int i = 0; i < 50; i++) {
            Price price = prices.findPrice("r");
            amount.setInt(price, i);
        }
        result("repeat", "loads=" + (prices.loads - before));
    }

    /** Reflective writes that concern no cached object: work as always and are not reported. */
    public void scenarioUncached() throws Exception {
        Price price = new Price(1, "CHF");
        amount.setInt(price, 9);
        currency.set(price, "JPY");
        Label label = new Label();
        Field text = Label.class.getDeclaredField("text");
        text.set(label, "changed");
        result("uncached", "price=" + price.getAmount() + "/" + price.getCurrency(), "label=" + label.text);
    }

    /** Not in a guarded package. */
    static final class Label {
        String text = "initial";
    }

    private static void result(String name, String... values) {
        System.out.println("RESULT " + name + " " + String.join(" ", values));
        System.out.flush();
    }
}
