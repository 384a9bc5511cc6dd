/** Text of the staff API for support requests (problem titles; helper E). */
export const supportApiMessages = {
  nl: {
    'supportApi.error.invalidParams': 'Een of meer parameters kloppen niet.',
    'supportApi.error.uuid': 'Dit is geen geldig id.',
    'supportApi.error.municipalityOutOfScope': 'Deze gemeente valt buiten uw bereik.',
  },
  en: {
    'supportApi.error.invalidParams': 'One or more parameters are not valid.',
    'supportApi.error.uuid': 'This is not a valid id.',
    'supportApi.error.municipalityOutOfScope': 'This municipality is outside your scope.',
  },
};
