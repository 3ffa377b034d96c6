package org.ctoforum.membership.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ctoforum.membership.boundary.AddressConfirmations;
import org.ctoforum.platform.web.PageMessages;

/** Where a mailed confirmation link lands: it confirms the address at once, or says why it cannot. */
@Named
@RequestScoped
public class ConfirmPage {

    @Inject
    AddressConfirmations confirmations;

    private String token;
    private AddressConfirmations.Confirmed confirmed;

    public void confirm() {
        PageMessages.attempt(() -> confirmed = confirmations.confirm(token));
    }

    public AddressConfirmations.Confirmed getConfirmed() {
        return confirmed;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
