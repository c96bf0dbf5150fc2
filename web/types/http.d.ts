// Wire types, named like Medusa's `HttpTypes` (from "@medusajs/types"). Only the fields
// this SDK and a personalized storefront use are spelled out; every object also keeps
// whatever else the server sends (`[key: string]: unknown`).

export type Metadata = Record<string, unknown>;

export interface SelectParams {
  /** Medusa's field selection, e.g. "+metadata,*variants". */
  fields?: string;
}
export interface FindParams extends SelectParams {
  limit?: number;
  offset?: number;
  order?: string;
}
export type ClientHeaders = Record<string, string>;
export type Query = Record<string, unknown>;

export interface PaginatedResponse {
  count: number;
  offset: number;
  limit: number;
}

export interface StoreRegion {
  id: string;
  name: string;
  currency_code: string;
  countries?: { iso_2: string; iso_3?: string; display_name?: string; [key: string]: unknown }[];
  metadata?: Metadata | null;
  [key: string]: unknown;
}
export interface StoreRegionResponse { region: StoreRegion }
export interface StoreRegionListResponse extends PaginatedResponse { regions: StoreRegion[] }

export interface StoreCalculatedPrice {
  calculated_amount: number | null;
  original_amount?: number | null;
  currency_code: string | null;
  [key: string]: unknown;
}
export interface StoreProductVariant {
  id: string;
  title: string | null;
  sku?: string | null;
  product_id?: string;
  metadata?: Metadata | null;
  calculated_price?: StoreCalculatedPrice;
  inventory_quantity?: number | null;
  [key: string]: unknown;
}
export interface StoreProduct {
  id: string;
  title: string;
  handle: string;
  description?: string | null;
  thumbnail?: string | null;
  /** `metadata.personalization` holds the personalization schema (object or JSON text). */
  metadata?: Metadata | null;
  variants?: StoreProductVariant[] | null;
  [key: string]: unknown;
}
export interface StoreProductParams extends FindParams {
  q?: string;
  id?: string | string[];
  handle?: string | string[];
  region_id?: string;
  [key: string]: unknown;
}
export interface StoreProductResponse { product: StoreProduct }
export interface StoreProductListResponse extends PaginatedResponse { products: StoreProduct[] }

export interface StoreCartAddress {
  first_name?: string | null;
  last_name?: string | null;
  address_1?: string | null;
  address_2?: string | null;
  city?: string | null;
  postal_code?: string | null;
  country_code?: string | null;
  province?: string | null;
  phone?: string | null;
  company?: string | null;
  metadata?: Metadata | null;
  [key: string]: unknown;
}
export interface StoreCartLineItem {
  id: string;
  title: string;
  quantity: number;
  variant_id: string | null;
  product_id?: string | null;
  unit_price: number;
  total?: number;
  /** The customer's personalization (private keys start with "_"). */
  metadata?: Metadata | null;
  [key: string]: unknown;
}
export interface StoreCart {
  id: string;
  email?: string | null;
  region_id?: string | null;
  currency_code: string;
  items?: StoreCartLineItem[] | null;
  shipping_address?: StoreCartAddress | null;
  billing_address?: StoreCartAddress | null;
  shipping_methods?: { id: string; shipping_option_id?: string; amount: number; [key: string]: unknown }[] | null;
  payment_collection?: StorePaymentCollection | null;
  total?: number;
  subtotal?: number;
  shipping_total?: number;
  tax_total?: number;
  metadata?: Metadata | null;
  [key: string]: unknown;
}
export interface StoreCartResponse { cart: StoreCart }

export interface StoreAddCartLineItem {
  variant_id: string;
  quantity: number;
  metadata?: Metadata | null;
}
export interface StoreUpdateCartLineItem {
  quantity: number;
  metadata?: Metadata | null;
}
export interface StoreCreateCart {
  region_id?: string;
  email?: string;
  currency_code?: string;
  sales_channel_id?: string;
  shipping_address?: StoreCartAddress;
  billing_address?: StoreCartAddress;
  items?: StoreAddCartLineItem[];
  promo_codes?: string[];
  metadata?: Metadata;
}
export interface StoreUpdateCart {
  region_id?: string;
  email?: string;
  sales_channel_id?: string;
  shipping_address?: StoreCartAddress;
  billing_address?: StoreCartAddress;
  promo_codes?: string[];
  metadata?: Metadata;
}
export interface StoreAddCartShippingMethods {
  option_id: string;
  data?: Record<string, unknown>;
}
export interface StoreLineItemDeleteResponse {
  id: string;
  object: "line-item";
  deleted: boolean;
  parent?: StoreCart;
}

export interface StoreOrderLineItem extends StoreCartLineItem {
  /** The line item's metadata as added to the cart (read this for personalization). */
  line_item_metadata?: Metadata | null;
  detail?: { metadata?: Metadata | null; fulfilled_quantity?: number; [key: string]: unknown };
}
export interface StoreOrder {
  id: string;
  display_id?: number;
  email?: string | null;
  status?: string;
  currency_code: string;
  items?: StoreOrderLineItem[] | null;
  total?: number;
  metadata?: Metadata | null;
  fulfillments?: { id: string; [key: string]: unknown }[] | null;
  [key: string]: unknown;
}
export interface StoreOrderResponse { order: StoreOrder }
export interface StoreOrderListResponse extends PaginatedResponse { orders: StoreOrder[] }

export type StoreCompleteCartResponse =
  | { type: "order"; order: StoreOrder }
  | { type: "cart"; cart: StoreCart; error: { message: string; name: string; type: string } };

export interface StoreCartShippingOption {
  id: string;
  name: string;
  amount: number;
  price_type?: string;
  provider_id?: string;
  [key: string]: unknown;
}
export interface StoreShippingOptionListResponse { shipping_options: StoreCartShippingOption[] }

export interface StorePaymentProvider { id: string; is_enabled?: boolean; [key: string]: unknown }
export interface StorePaymentProviderListResponse extends PaginatedResponse { payment_providers: StorePaymentProvider[] }
export interface StorePaymentSession { id: string; provider_id: string; status?: string; amount?: number; [key: string]: unknown }
export interface StorePaymentCollection {
  id: string;
  amount?: number;
  status?: string;
  payment_sessions?: StorePaymentSession[];
  [key: string]: unknown;
}
export interface StorePaymentCollectionResponse { payment_collection: StorePaymentCollection }
export interface StoreInitializePaymentSession {
  provider_id: string;
  data?: Record<string, unknown>;
}

export type AdminOrder = StoreOrder;
export interface AdminOrderResponse { order: AdminOrder }
export interface AdminOrderListResponse extends PaginatedResponse { orders: AdminOrder[] }
export interface AdminCreateFulfillment {
  items: { id: string; quantity: number }[];
  location_id?: string;
  no_notification?: boolean;
  metadata?: Metadata;
}
export interface AdminCreateShipment {
  items: { id: string; quantity: number }[];
  labels?: { tracking_number: string; tracking_url: string; label_url: string }[];
  no_notification?: boolean;
  metadata?: Metadata;
}
export type AdminProduct = StoreProduct;
export interface AdminCreateProduct {
  title: string;
  handle?: string;
  metadata?: Metadata;
  [key: string]: unknown;
}
export type AdminUpdateProduct = Partial<AdminCreateProduct>;
export interface AdminProductResponse { product: AdminProduct }
export interface AdminProductListResponse extends PaginatedResponse { products: AdminProduct[] }

export interface StoreCollection {
  id: string;
  title: string;
  handle: string;
  metadata?: Metadata | null;
  [key: string]: unknown;
}
export interface StoreCollectionResponse { collection: StoreCollection }
export interface StoreCollectionListResponse extends PaginatedResponse { collections: StoreCollection[] }

export interface StoreProductCategory {
  id: string;
  name: string;
  handle: string;
  description?: string;
  parent_category_id?: string | null;
  rank?: number | null;
  parent_category?: StoreProductCategory | null;
  category_children?: StoreProductCategory[];
  metadata?: Metadata | null;
  [key: string]: unknown;
}
export interface StoreProductCategoryResponse { product_category: StoreProductCategory }
export interface StoreProductCategoryListResponse extends PaginatedResponse { product_categories: StoreProductCategory[] }

export interface StoreCustomerAddress extends StoreCartAddress {
  id: string;
  address_name?: string | null;
  address_1?: string | null;
  address_2?: string | null;
  is_default_shipping?: boolean;
  is_default_billing?: boolean;
  customer_id?: string;
}
export interface StoreCustomer {
  id: string;
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  phone?: string | null;
  company_name?: string | null;
  has_account?: boolean;
  addresses?: StoreCustomerAddress[];
  default_shipping_address_id?: string | null;
  default_billing_address_id?: string | null;
  metadata?: Metadata | null;
  [key: string]: unknown;
}
export interface StoreCreateCustomer {
  email: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  company_name?: string;
  metadata?: Metadata;
}
export type StoreUpdateCustomer = Partial<Omit<StoreCreateCustomer, "email">>;
export interface StoreCreateCustomerAddress {
  first_name?: string;
  last_name?: string;
  phone?: string;
  company?: string;
  address_1?: string;
  address_2?: string;
  city?: string;
  country_code?: string;
  province?: string;
  postal_code?: string;
  address_name?: string;
  is_default_shipping?: boolean;
  is_default_billing?: boolean;
  metadata?: Metadata;
}
export type StoreUpdateCustomerAddress = StoreCreateCustomerAddress;
export interface StoreCustomerResponse { customer: StoreCustomer }
export interface StoreCustomerAddressResponse { address: StoreCustomerAddress }
export interface StoreCustomerAddressListResponse extends PaginatedResponse { addresses: StoreCustomerAddress[] }
export interface StoreCustomerAddressDeleteResponse { id: string; object: "address"; deleted: boolean; parent?: StoreCustomer }

export interface StoreCartPromotions { promo_codes: string[] }
export interface StoreCalculateShippingOptionPrice { cart_id: string; data?: Record<string, unknown> }
export interface StoreShippingOptionResponse { shipping_option: { id: string; name: string; amount: number; [key: string]: unknown } }

export interface AuthResetPassword { identifier: string; metadata?: Metadata }
export interface AuthRefreshResponse { token: string }
